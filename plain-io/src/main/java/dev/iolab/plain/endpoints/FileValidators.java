package dev.iolab.plain.endpoints;

import dev.iolab.plain.http.HttpDate;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The {@code ETag} and {@code Last-Modified} of each file version (inode, modification time, size), made once per version. */
final class FileValidators {

    /** Uploads can create any number of names: the cache starts over rather than grow without bound. */
    private static final int MAX_FILES = 1024;

    /** The validators of one version of a file. */
    record Version(Object fileKey, FileTime modified, long size, String etag, String lastModified) {

        boolean describes(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime())
                    && Objects.equals(fileKey, attributes.fileKey());
        }
    }

    private final ConcurrentHashMap<Path, Version> versions = new ConcurrentHashMap<>();

    /**
     * The validators for the version {@code attributes} describe. They are a pure function of those attributes,
     * so a cached entry is reused only when all three still match: an atomic upload is a new inode, a new entry.
     */
    Version of(Path file, BasicFileAttributes attributes) {
        Version known = versions.get(file);
        if (known != null && known.describes(attributes)) {
            return known;
        }
        FileTime modified = attributes.lastModifiedTime();
        // Strong validator: size, modification time and the inode change with every atomic upload.
        String etag = "\"" + Long.toHexString(attributes.size()) + "-"
                + Long.toHexString(modified.to(TimeUnit.NANOSECONDS)) + "-"
                + Integer.toHexString(String.valueOf(attributes.fileKey()).hashCode()) + "\"";
        Version made = new Version(attributes.fileKey(), modified, attributes.size(), etag,
                HttpDate.format(modified.toMillis()));
        if (versions.size() >= MAX_FILES) {
            versions.clear();
        }
        versions.put(file, made);
        return made;
    }
}
