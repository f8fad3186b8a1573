package org.hotline81890.directory.load;

/** One meaningful line of a data file, with where it came from so errors can name it. */
record DataLine(String file, int number, String text) {

    DirectoryFormatException error(String problem) {
        return new DirectoryFormatException(file, number, problem);
    }

    /** The tab-separated fields, each stripped; fails when there are fewer than {@code min}. */
    String[] fields(int min) {
        String[] parts = text.split("\t", -1);
        if (parts.length < min) {
            throw error("expected at least " + min + " tab-separated fields, found " + parts.length);
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw error("not a number: '" + value + "'");
        }
    }
}
