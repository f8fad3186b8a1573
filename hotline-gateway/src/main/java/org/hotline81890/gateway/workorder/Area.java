package org.hotline81890.gateway.workorder;

import java.util.Optional;

/** Where the job is: district, street, community and grid (each optional), plus the exact address. */
public record Area(Optional<String> district, Optional<String> street, Optional<String> community,
                   Optional<String> grid, Optional<String> address) {
    public static final Area UNKNOWN = new Area(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public Area {
        district = clean(district, "district", 64);
        street = clean(street, "street", 64);
        community = clean(community, "community", 64);
        grid = clean(grid, "grid", 64);
        address = clean(address, "address", 255);
    }

    private static Optional<String> clean(Optional<String> value, String field, int max) {
        Optional<String> v = value.map(String::strip).filter(s -> !s.isEmpty());
        if (v.isPresent() && v.get().length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        return v;
    }

    public boolean isKnown() {
        return district.isPresent() || street.isPresent() || community.isPresent() || grid.isPresent()
                || address.isPresent();
    }
}
