package org.hotline81890.partners;

/** Average satisfaction on a 0..5 scale; new providers start at {@link #NEUTRAL}. */
public record Rating(double stars) {
    public static final Rating NEUTRAL = new Rating(3.0);

    public Rating {
        if (Double.isNaN(stars) || stars < 0.0 || stars > 5.0) {
            throw new IllegalArgumentException("rating must be within 0..5, got " + stars);
        }
    }
}
