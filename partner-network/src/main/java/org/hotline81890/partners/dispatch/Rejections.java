package org.hotline81890.partners.dispatch;

import java.util.ArrayList;
import java.util.List;

/** Counts why providers of a service were left out, and says it in one line per reason. */
final class Rejections {
    private int suspended;
    private int tried;
    private int outsideArea;
    private int closed;
    private int full;
    private int unsatisfied;
    private int otherRemit;
    private int unnamedRemit;
    private String remitWords = "";

    void suspended() {
        suspended++;
    }

    void tried() {
        tried++;
    }

    void outsideArea() {
        outsideArea++;
    }

    void closed() {
        closed++;
    }

    void full() {
        full++;
    }

    void unsatisfied() {
        unsatisfied++;
    }

    void otherRemit(String named) {
        otherRemit++;
        remitWords = named;
    }

    void unnamedRemit(String labels) {
        unnamedRemit++;
        remitWords = labels;
    }

    List<String> describe(DispatchRequest request, int offering, String localTime) {
        List<String> reasons = new ArrayList<>();
        if (offering == 0) {
            reasons.add("no provider offers " + request.service());
            return reasons;
        }
        reasons.add(offering + " provider(s) offer " + request.service() + "; none can take it now");
        add(reasons, suspended, "suspended");
        add(reasons, tried, "already offered this work order (declined, timed out or cancelled)");
        add(reasons, unsatisfied, "did the work the resident found unsatisfying (never offered it again)");
        add(reasons, otherRemit, "serve another kind of request than the one named (" + remitWords + ")");
        add(reasons, unnamedRemit, "cannot be told apart: the request does not say which (" + remitWords
                + "); an agent decides");
        add(reasons, outsideArea, "do not cover " + request.area());
        add(reasons, closed, "closed at " + localTime);
        add(reasons, full, "at capacity");
        return reasons;
    }

    private static void add(List<String> reasons, int count, String why) {
        if (count > 0) {
            reasons.add(count + " " + why);
        }
    }
}
