package dev.iolab.reactive;

import java.nio.file.Path;

/** The data directory the file endpoints serve, absolute and normalized. */
public record DataDir(Path path) {}
