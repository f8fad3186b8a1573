package org.hotline81890.directory.load;

/** The directory data is broken; the message names the file and line, e.g. {@code services/HK.txt:12: ...}. */
public final class DirectoryFormatException extends RuntimeException {
    private final String file;
    private final int line;

    public DirectoryFormatException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem is about the whole file. */
    public int line() {
        return line;
    }
}
