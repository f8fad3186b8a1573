package org.hotline81890.gateway.channel.agi;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiRequest;

/** What the FastAGI environment block says about a call (no round trip needed). */
record CallInfo(String uniqueId, String callerNumber, String channelName, List<String> args) {
    CallInfo {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(channelName, "channelName");
        args = List.copyOf(args);
    }

    static CallInfo of(AgiRequest r) {
        String number = r.getCallerIdNumber();
        // An empty agi_arg_N (AGI(agi://h/s,a,,b)) comes from Asterisk-Java as null: kept as "".
        String[] args = r.getArguments() == null ? new String[0] : r.getArguments();
        return new CallInfo(orUnknown(r.getUniqueId()), number == null || number.isBlank() ? "unknown" : number,
                orUnknown(r.getChannel()), Arrays.stream(args).map(a -> a == null ? "" : a).toList());
    }

    /** The idempotency key of everything this call creates (architecture rule 2). */
    String intakeKey() {
        return "phone:" + uniqueId;
    }

    /** The {@code n}-th dialplan argument (1-based), when given and not empty. */
    Optional<String> arg(int n) {
        return n <= args.size() && !args.get(n - 1).isBlank() ? Optional.of(args.get(n - 1).strip())
                : Optional.empty();
    }

    private static String orUnknown(String v) {
        return v == null || v.isBlank() ? "unknown" : v;
    }
}
