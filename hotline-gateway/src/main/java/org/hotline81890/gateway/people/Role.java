package org.hotline81890.gateway.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a person does in the hotline; each role has one home page. Provider staff are tied to their provider. */
public enum Role {
    AGENT("/agent", false, "话务员"),
    SUPERVISOR("/supervisor", false, "班长"),
    DEPARTMENT("/department", true, "部门"),
    PARTNER("/partner", true, "合作单位"),
    VOLUNTEER("/volunteer", true, "志愿者"),
    ADMIN("/admin", false, "管理员");

    private final String home;
    private final boolean providerStaff;
    private final String label;

    Role(String home, boolean providerStaff, String label) {
        this.home = home;
        this.providerStaff = providerStaff;
        this.label = label;
    }

    /** The page a person of this role lands on after logging in. */
    public String home() {
        return home;
    }

    /** Staff of a provider (department, partner company, volunteer group) must name it. */
    public boolean providerStaff() {
        return providerStaff;
    }

    public String label() {
        return label;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> of(String wire) {
        return Arrays.stream(values()).filter(r -> r.wire().equals(wire)).findFirst();
    }
}
