package dev.iolab.plain.endpoints;

import dev.iolab.contract.FileValidators;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's {@link FileValidators} of each file version, made once per version rather than once per request
 * (hex and date formatting on the hot path of every file response).
 */
final class ValidatorCache {

    /** Uploads can create any number of names: the cache starts over rather than grow without bound. */
    private static final int MAX_FILES = 1024;

    /** The validators of one version of a file, with the attributes that identify it. */
    private record Version(Object fileKey, FileTime modified, long size, FileValidators validators) {

        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size()
                    && modified.equals(attributes.lastModifiedTime())
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }

    private final ConcurrentHashMap<Path, Version> versions = new ConcurrentHashMap<>();

    /**
     * The validators for the version {@code attributes} describe. They are a pure function of those attributes,
     * so a cached entry is reused only when all three still match: an atomic upload is a new inode, a new entry.
     */
    FileValidators of(Path file, BasicFileAttributes attributes) {
        Version known = versions.get(file);
        if (known != null && known.describes(attributes)) {
            return known.validators();
        }
        Version made = new Version(
                attributes.fileKey(), attributes.lastModifiedTime(), attributes.size(), FileValidators.of(attributes));
        if (versions.size() >= MAX_FILES) {
            versions.clear();
        }
        versions.put(file, made);
        return made.validators();
    }
}
