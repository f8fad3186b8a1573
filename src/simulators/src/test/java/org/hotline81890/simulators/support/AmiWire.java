package org.hotline81890.simulators.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Splits AMI bytes into messages (each ends with an empty CRLF line); the banner is its own first element. */
public final class AmiWire {

    private AmiWire() {
    }

    public static List<String> split(String all) {
        List<String> out = new ArrayList<>();
        int start = 0;
        if (all.startsWith("Asterisk Call Manager/")) {
            start = all.indexOf("\r\n") + 2;
            out.add(all.substring(0, start));
        }
        int end;
        while ((end = all.indexOf("\r\n\r\n", start)) >= 0) {
            out.add(all.substring(start, end + 4));
            start = end + 4;
        }
        return out;
    }

    /** Reads one message (up to and including its empty line). */
    public static String readMessage(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            byte[] a = buf.toByteArray();
            int n = a.length;
            if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                break;
            }
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
