package org.hotline81890.gateway.voice;

import org.hotline81890.gateway.workorder.PhoneNumbers;

/**
 * A registered one-key terminal (一键通) of an elderly or disabled resident: a phone whose single button calls the
 * hotline. Its calls get emergency priority and jump the queue; the agent sees the profile and whom to call.
 *
 * @param number       the terminal's caller number (normalised)
 * @param residentName the resident's name as the agent greets them
 * @param profile      what the agent must know (age, condition, hearing, medication)
 * @param address      where the resident lives
 * @param contacts     family and community contacts, e.g. {@code 女儿 13900002222; 社区网格员 021-5555}
 */
public record OneKeyTerminal(String number, String residentName, String profile, String address, String contacts) {
    public OneKeyTerminal {
        number = PhoneNumbers.normalise(require(number, "number", 32));
        residentName = require(residentName, "residentName", 64);
        profile = limit(profile, "profile", 512);
        address = limit(address, "address", 255);
        contacts = limit(contacts, "contacts", 1024);
    }

    /** The work-order text an agent reads first. */
    public String workOrderText() {
        return "一键通终端呼叫：" + residentName + "；" + profile + "；地址：" + address + "；联系人：" + contacts;
    }

    private static String require(String v, String field, int max) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("one-key terminal " + field + " is required");
        }
        return limit(v, field, max);
    }

    private static String limit(String v, String field, int max) {
        String s = v == null ? "" : v.strip();
        if (s.length() > max) {
            throw new IllegalArgumentException("one-key terminal " + field + " is longer than " + max);
        }
        return s;
    }
}
