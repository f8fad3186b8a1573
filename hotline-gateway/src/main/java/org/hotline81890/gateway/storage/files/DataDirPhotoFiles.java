package org.hotline81890.gateway.storage.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

import org.hotline81890.gateway.dispatch.CompletionPhoto;
import org.hotline81890.gateway.dispatch.PhotoFiles;

/**
 * Completion photos as files in {@code <data.dir>/photos}: written to a temporary name, forced to disk and moved into
 * place, so a reader finds the whole file or none. Only names of the stored form are accepted (no path ever comes
 * from a client).
 */
public final class DataDirPhotoFiles implements PhotoFiles {
    private final Path dir;

    public DataDirPhotoFiles(Path dataDir) {
        this.dir = dataDir.resolve("photos");
    }

    @Override
    public void write(String file, byte[] bytes) {
        Path target = path(file);
        try {
            Files.createDirectories(dir);
            Path part = dir.resolve(file + ".part");
            Files.write(part, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the photo under " + dir, e);
        }
    }

    @Override
    public Optional<byte[]> read(String file) {
        try {
            return Optional.of(Files.readAllBytes(path(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the photo " + file, e);
        }
    }

    @Override
    public void delete(String file) {
        try {
            Files.deleteIfExists(path(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the photo " + file, e);
        }
    }

    private Path path(String file) {
        if (!CompletionPhoto.isName(file)) {
            throw new IllegalArgumentException("not a photo name: " + file);
        }
        return dir.resolve(file);
    }
}
