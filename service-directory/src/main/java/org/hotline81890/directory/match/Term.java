package org.hotline81890.directory.match;

import org.hotline81890.directory.Keyword;
import org.hotline81890.directory.RequestType;

/** One searchable word of the compiled vocabulary and what it points at. */
record Term(String text, double weight, Target target) {

    /** What a term points at; terms only suppress (overlap) terms of the same family. */
    sealed interface Target {
        int family();
    }

    record ForServices(int[] services, Keyword.Kind kind) implements Target {
        @Override
        public int family() {
            return 0;
        }
    }

    record ForType(RequestType type) implements Target {
        @Override
        public int family() {
            return 1;
        }
    }

    record Urgency() implements Target {
        @Override
        public int family() {
            return 2;
        }
    }

    record NotARequest() implements Target {
        @Override
        public int family() {
            return 3;
        }
    }
}
