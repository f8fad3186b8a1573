package org.hotline81890.directory.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotline81890.directory.Directory;
import org.hotline81890.directory.Fee;
import org.hotline81890.directory.Fees;

/**
 * Reads {@code fees.tsv}: service code, amount in yuan, unit, optional note. The file is optional (no file: no
 * service has a fee); a code the directory does not know, a service listed twice or a bad amount or unit is an
 * error naming the line.
 */
public final class FeeLoader {
    static final String FEES = "fees.tsv";

    private FeeLoader() {
    }

    /** The fees shipped inside the jar, checked against the directory. */
    public static Fees loadDefault(Directory directory) {
        return load(new DataSource.Classpath("directory/"), directory);
    }

    static Fees load(DataSource source, Directory directory) {
        if (!source.exists(FEES)) {
            return Fees.none();
        }
        List<Fee> fees = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DataLine line : source.lines(FEES)) {
            String[] f = line.fields(3);
            if (directory.find(f[0]).isEmpty()) {
                throw line.error("unknown service code " + f[0]);
            }
            if (!seen.add(f[0])) {
                throw line.error("service " + f[0] + " has a fee already");
            }
            try {
                fees.add(new Fee(f[0], new BigDecimal(f[1]), f[2], f.length > 3 ? f[3] : ""));
            } catch (NumberFormatException e) {
                throw line.error("not an amount in yuan: '" + f[1] + "'");
            } catch (IllegalArgumentException e) {
                throw line.error(e.getMessage());
            }
        }
        return new Fees(fees);
    }
}
