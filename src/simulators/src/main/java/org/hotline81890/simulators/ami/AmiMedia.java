package org.hotline81890.simulators.ami;

import java.time.Duration;

/** Waits that Asterisk makes (the failed-login delay); runs on the session's virtual thread. */
final class AmiMedia {

    private AmiMedia() {
    }

    static void pause(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
