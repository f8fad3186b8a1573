package org.hotline81890.gateway.demo;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * The people at the other end of the SMSC: every text the hotline sends arrives here (a {@code submit} event of the
 * node SMSC), and whoever it is for answers by SMS as a person would, later in simulated time. Providers without a
 * webhook take offers with 接单/拒单, set out (出发) and report 完成; residents give the address when asked and answer
 * the survey 1/2/3.
 */
final class SmsPeople {
    private static final Pattern TICKET = Pattern.compile("(\\d{3}-\\d{3}-\\d{3})");
    private final NodeSmsc smsc;
    private final SimSchedule schedule;
    private final Behaviour behaviour;
    private final Ledger ledger;
    private final Map<String, SampleProviders.Provider> providers;
    private final Map<String, Integer> surveys = new ConcurrentHashMap<>();

    SmsPeople(NodeSmsc smsc, SimSchedule schedule, Behaviour behaviour, Ledger ledger,
              Map<String, SampleProviders.Provider> simulatedBySms) {
        this.smsc = smsc;
        this.schedule = schedule;
        this.behaviour = behaviour;
        this.ledger = ledger;
        this.providers = simulatedBySms;
    }

    /** A text the hotline sent ({@code submit} event: dest, text). */
    void onSubmit(JsonObject submit) {
        String dest = submit.getString("dest", "");
        String text = submit.getString("text", "");
        Optional<String> ticket = ticket(text);
        if (ticket.isEmpty()) {
            return;
        }
        SampleProviders.Provider provider = providers.get(local(dest));
        if (provider != null) {
            toProvider(provider, dest, text, ticket.get());
        } else {
            toResident(dest, text, ticket.get());
        }
    }

    private void toProvider(SampleProviders.Provider p, String number, String text, String t) {
        if (text.contains("已撤回")) {
            ledger.withdraw(t);
            return;
        }
        if (text.contains("提醒") || !text.contains("新工单")) {
            return;
        }
        switch (behaviour.offer(p)) {
            case Behaviour.Answer.Accept a -> schedule.after(a.after(), () -> {
                ledger.count("sms.accept");
                smsc.deliver(number, "接单" + t);
                work(p, number, t);
            });
            case Behaviour.Answer.Decline d -> schedule.after(d.after(), () -> {
                ledger.count("sms.decline");
                smsc.deliver(number, "拒单" + t + " " + d.reason());
            });
            case Behaviour.Answer.Ignore i -> ledger.count("sms.ignore");
        }
    }

    private void work(SampleProviders.Provider p, String number, String t) {
        if (!p.department()) {
            schedule.after(behaviour.setOut(), () -> {
                if (!ledger.withdrawn(t)) {
                    smsc.deliver(number, "出发" + t);
                }
            });
        }
        schedule.after(behaviour.work(p), () -> {
            if (!ledger.withdrawn(t)) {
                ledger.count("sms.complete");
                smsc.deliver(number, "完成" + t + (p.department() ? " 已按规定办结，已电话回复居民" : " 已上门处理完毕"));
            }
        });
    }

    private void toResident(String number, String text, String t) {
        if (text.contains("工单号")) {
            ledger.ticket(t, "sms");
        } else if (text.contains("需要上门服务")) {
            schedule.after(behaviour.addressDelay(), () -> smsc.deliver(number,
                    "地址 " + Areas.pick(behaviour.random()).spoken()));
        } else if (text.contains("请对本次服务评价")) {
            int before = surveys.merge(t, 1, Integer::sum) - 1;
            behaviour.survey(before > 0).ifPresentOrElse(answer -> schedule.after(behaviour.surveyDelay(), () -> {
                ledger.count("survey." + answer);
                smsc.deliver(number, answer);
            }), () -> ledger.count("survey.none"));
        }
    }

    static Optional<String> ticket(String text) {
        Matcher m = TICKET.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The number without a country code, as the provider table keeps it. */
    static String local(String number) {
        String n = number.startsWith("+") ? number.substring(1) : number;
        return n.startsWith("86") && n.length() == 13 ? n.substring(2) : n;
    }
}
