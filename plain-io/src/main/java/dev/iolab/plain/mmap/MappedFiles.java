package dev.iolab.plain.mmap;

import dev.iolab.plain.endpoints.FileRegion;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The mappings of the served files, one per file version (size and modification time): a file is mapped
 * once with mmap(2) and every response sends slices of that mapping, so no read(2) ever copies it.
 * An upload renames a new inode into place, so an old mapping stays valid until it is replaced. plain-uring sends
 * from the same mappings.
 */
public final class MappedFiles {

    /** How many files stay mapped; beyond it the cache starts over and the GC unmaps the old ones. */
    private static final int MAX_MAPPED = 64;

    private record Mapping(long size, long lastModified, Object fileKey, MappedByteBuffer buffer) {}

    private final ConcurrentHashMap<Path, Mapping> mappings = new ConcurrentHashMap<>();

    /** The whole file of {@code region}, mapped read-only. */
    public MappedByteBuffer map(FileRegion region) throws IOException {
        Mapping m = mappings.get(region.path());
        if (m != null
                && m.size == region.fileSize()
                && m.lastModified == region.lastModified()
                && Objects.equals(m.fileKey, region.fileKey())) {
            return m.buffer;
        }
        MappedByteBuffer buffer = region.channel().map(FileChannel.MapMode.READ_ONLY, 0, region.fileSize());
        if (mappings.size() >= MAX_MAPPED) {
            mappings.clear();
        }
        mappings.put(region.path(), new Mapping(region.fileSize(), region.lastModified(), region.fileKey(), buffer));
        return buffer;
    }
}
