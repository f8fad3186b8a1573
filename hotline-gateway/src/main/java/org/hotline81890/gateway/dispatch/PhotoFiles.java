package org.hotline81890.gateway.dispatch;

import java.util.Optional;

/** Where completion photos are kept (driven port): the data dir on a node, or a share several nodes mount. */
public interface PhotoFiles {
    /** Writes the whole file or nothing (a reader never sees part of it). */
    void write(String file, byte[] bytes);

    Optional<byte[]> read(String file);

    void delete(String file);
}
