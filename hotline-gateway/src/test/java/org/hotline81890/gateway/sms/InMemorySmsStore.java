package org.hotline81890.gateway.sms;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.hotline81890.gateway.workorder.WorkOrderId;

/** The SMS side stores in memory for tests, held to the same contracts as MySqlSmsStore. */
public final class InMemorySmsStore implements SubmissionLog, SmsPreferences, SmsNotes {
    private record Part(String messageId, boolean submitted) {
    }

    private final Map<Long, Map<Integer, Part>> parts = new HashMap<>();
    private final Set<String> optedOut = new HashSet<>();
    private final Map<String, WorkOrderId> notes = new HashMap<>();

    @Override
    public synchronized Map<Integer, String> accepted(long outboxId) {
        Map<Integer, String> out = new TreeMap<>();
        parts.getOrDefault(outboxId, Map.of()).forEach((no, p) -> out.put(no, p.messageId()));
        return out;
    }

    @Override
    public synchronized void recordAccepted(long outboxId, int partNo, int parts, String messageId,
                                            String destination) {
        this.parts.computeIfAbsent(outboxId, k -> new HashMap<>()).putIfAbsent(partNo, new Part(messageId, true));
    }

    @Override
    public synchronized void recordAllAccepted(List<AcceptedPart> all) {
        all.forEach(p -> recordAccepted(p.outboxId(), p.partNo(), p.parts(), p.messageId(), p.destination()));
    }

    @Override
    public synchronized int applyReceipt(DeliveryReceipt receipt) {
        if (!receipt.status().isFinal()) {
            return 0;
        }
        int changed = 0;
        for (Map<Integer, Part> row : parts.values()) {
            for (Map.Entry<Integer, Part> e : row.entrySet()) {
                if (e.getValue().submitted() && e.getValue().messageId().equals(receipt.messageId())) {
                    e.setValue(new Part(e.getValue().messageId(), false));
                    changed++;
                }
            }
        }
        return changed;
    }

    @Override
    public synchronized boolean notificationsOn(String phone) {
        return !optedOut.contains(phone);
    }

    @Override
    public synchronized void setNotifications(String phone, boolean on) {
        if (on) {
            optedOut.remove(phone);
        } else {
            optedOut.add(phone);
        }
    }

    @Override
    public synchronized boolean attach(String idempotencyKey, WorkOrderId workOrder, String callerNumber,
                                       String text) {
        return notes.putIfAbsent(idempotencyKey, workOrder) == null;
    }

    @Override
    public synchronized int count(WorkOrderId workOrder) {
        return (int) notes.values().stream().filter(workOrder::equals).count();
    }
}
