package org.hotline81890.partners.dispatch;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.offer.DispatchJob;

/**
 * The night and weekend policy (ADR 0019): what dispatch does with a job that nobody can take now while a provider
 * that could take it is closed. The rule is chosen by service class, first match wins: urgent requests
 * ({@code emergency}), a category named in {@code categories}, jobs whose first provider to open is a department
 * ({@code departments}), everything else ({@code others}). A provider open round the clock (an on-call service) is
 * open, so it gets the job at once whatever the rule; the rule only decides between waiting and 督办. The wait ends at
 * the first opening (within {@code maxHold}) at which the dispatch policy would choose someone; nobody then:
 * escalate. Pure: the time is the request's, so the same job at the same moment gets the same answer.
 *
 * <p>The jobs already held count as load at an opening: a job held for a provider counts on it from its opening on,
 * scaled up by {@code openingShare}, so at most that share of a provider's capacity goes to the night's jobs and the
 * rest stays free for the requests arriving after it opens. The night's jobs are spread over the openings in the
 * order they are held (oldest first), each to an opening where its provider will have room.
 *
 * <p>Working days: Monday to Friday, less {@code holidays}, plus {@code workdays} (调休: a Saturday or Sunday the
 * official calendar makes a working day).
 */
public record AfterHours(AfterHoursRule emergency, AfterHoursRule departments, AfterHoursRule others,
        Map<String, AfterHoursRule> categories, Duration maxHold, Set<LocalDate> holidays, Set<LocalDate> workdays,
        double openingShare) {
    /** Share of a provider's capacity the night's held jobs may fill at its opening. */
    public static final double DEFAULT_OPENING_SHARE = 0.8;

    public AfterHours {
        Objects.requireNonNull(emergency, "emergency");
        Objects.requireNonNull(departments, "departments");
        Objects.requireNonNull(others, "others");
        categories = Map.copyOf(categories);
        holidays = Set.copyOf(holidays);
        workdays = Set.copyOf(workdays);
        if (maxHold.isNegative() || maxHold.isZero()) {
            throw new IllegalArgumentException("maxHold must be positive, got " + maxHold);
        }
        if (!(openingShare > 0 && openingShare <= 1)) {
            throw new IllegalArgumentException("openingShare must be in (0, 1], got " + openingShare);
        }
        Set<LocalDate> both = new TreeSet<>(holidays);
        both.retainAll(workdays);
        if (!both.isEmpty()) {
            throw new IllegalArgumentException("a day cannot be both a holiday and a make-up working day: " + both);
        }
    }

    /** No make-up working days, the default opening share. */
    public AfterHours(AfterHoursRule emergency, AfterHoursRule departments, AfterHoursRule others,
            Map<String, AfterHoursRule> categories, Duration maxHold, Set<LocalDate> holidays) {
        this(emergency, departments, others, categories, maxHold, holidays, Set.of(), DEFAULT_OPENING_SHARE);
    }

    /** The behaviour before this policy existed: nobody open means 督办 at once. */
    public static AfterHours escalateAlways() {
        return new AfterHours(AfterHoursRule.ESCALATE, AfterHoursRule.ESCALATE, AfterHoursRule.ESCALATE, Map.of(),
                Duration.ofDays(1), Set.of());
    }

    /**
     * {@code request}: the job as the policy just refused it ({@code NoCandidate}) at {@code request.now()}.
     */
    public AfterHoursDecision decide(DispatchJob job, DispatchRequest request, ProviderIndex providers,
            LoadView load, DispatchPolicy policy) {
        return decide(job, request, providers, load, policy, at -> Map.of());
    }

    /**
     * As above, counting the jobs already held: {@code heldBy} gives, per provider, the held jobs due to be offered
     * to it at or before an instant.
     */
    public AfterHoursDecision decide(DispatchJob job, DispatchRequest request, ProviderIndex providers,
            LoadView load, DispatchPolicy policy, Function<Instant, Map<ProviderId, Integer>> heldBy) {
        Optional<String> fixedClass = fixedClass(job);
        Optional<AfterHoursRule> fixed = fixedClass.map(this::ruleOf);
        if (fixed.isPresent() && fixed.get() == AfterHoursRule.ESCALATE) {
            return new AfterHoursDecision.Escalate(fixedClass.get() + ": escalate at once");
        }
        TreeSet<Instant> openings = openings(request, providers);
        if (openings.isEmpty()) {
            return new AfterHoursDecision.Escalate("");
        }
        for (Instant at : openings) {
            LoadView then = withHeld(load, heldBy.apply(at));
            if (!(policy.decide(request.at(at), providers, then) instanceof DispatchDecision.Chosen chosen)) {
                continue;
            }
            Provider first = chosen.best().provider();
            String serviceClass = fixedClass.orElse(first.kind() == ProviderKind.DEPARTMENT ? "departments"
                    : "others");
            AfterHoursRule rule = ruleOf(serviceClass);
            switch (rule) {
                case ESCALATE -> {
                    return new AfterHoursDecision.Escalate(serviceClass + ": escalate at once");
                }
                case NEXT_WORKING_DAY -> {
                    if (isWorkingDay(at)) {
                        return new AfterHoursDecision.Hold(at, serviceClass, rule, first.id().value());
                    }
                }
                case HOLD -> {
                    return new AfterHoursDecision.Hold(at, serviceClass, rule, first.id().value());
                }
            }
        }
        return new AfterHoursDecision.Escalate("no provider that can take it opens within " + maxHold.toHours()
                + " h");
    }

    /** The load at an opening: now's, plus the held jobs offered by then, each weighing 1 / openingShare. */
    private LoadView withHeld(LoadView load, Map<ProviderId, Integer> held) {
        if (held.isEmpty()) {
            return load;
        }
        return new LoadView() {
            @Override
            public int activeJobs(ProviderId provider) {
                int n = held.getOrDefault(provider, 0);
                return load.activeJobs(provider) + (n == 0 ? 0 : (int) Math.ceil(n / openingShare - 1e-9));
            }

            @Override
            public int recentPaidJobs(ProviderId provider) {
                return load.recentPaidJobs(provider);
            }
        };
    }

    private Optional<String> fixedClass(DispatchJob job) {
        if (job.emergency()) {
            return Optional.of("emergency");
        }
        String category = job.service().category();
        return categories.containsKey(category) ? Optional.of("category " + category) : Optional.empty();
    }

    private AfterHoursRule ruleOf(String serviceClass) {
        return switch (serviceClass) {
            case "emergency" -> emergency;
            case "departments" -> departments;
            case "others" -> others;
            default -> categories.get(serviceClass.substring("category ".length()));
        };
    }

    /** When the providers that could take it (bar the hours and their load) open, earliest first. */
    private TreeSet<Instant> openings(DispatchRequest request, ProviderIndex providers) {
        Instant until = request.now().plus(maxHold);
        TreeSet<Instant> openings = new TreeSet<>();
        for (Provider p : providers.providing(request.service())) {
            if (p.isActive() && !request.excluded().contains(p.id()) && !request.unsatisfied().contains(p.id())
                    && p.coverage().bestMatch(request.area()).isPresent()) {
                openings.addAll(p.hours().openingsBetween(request.now(), until));
            }
        }
        return openings;
    }

    /** A make-up working day (调休), or else not a Saturday, Sunday or holiday, in Asia/Shanghai. */
    public boolean isWorkingDay(Instant at) {
        LocalDate date = LocalDate.ofInstant(at, OpeningHours.SHANGHAI);
        if (workdays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }
}
