package org.hotline81890.partners.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.OpeningHours;
import org.hotline81890.partners.Provider;
import org.hotline81890.partners.ProviderId;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.TestProviders;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;

/**
 * The night and weekend policy by service class × hour × weekday, weekend or holiday. 2026-12-05 is a Saturday;
 * 2026-10-01 and 10-02 (Thursday, Friday) are holidays in this table.
 */
class AfterHoursTest {
    private static final Area AREA = Area.of("海曙区/南门街道/柳西社区");
    private static final AfterHours POLICY = new AfterHours(AfterHoursRule.ESCALATE, AfterHoursRule.NEXT_WORKING_DAY,
            AfterHoursRule.HOLD, Map.of("ER", AfterHoursRule.ESCALATE), Duration.ofDays(7),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02")));
    /** A home-service company: six days a week. */
    private static final Provider HOME = TestProviders.provider("P-HOME").services("HK-01", "ER-03")
            .hours("MON-SAT 08:00-18:00").build();
    /** A department: working days, and Saturday mornings (which the department rule skips). */
    private static final Provider DEPT = TestProviders.provider("DEP-MC").kind(ProviderKind.DEPARTMENT)
            .services("MC-01").hours("MON-FRI 08:30-17:30; SAT 09:00-12:00").build();
    private static final Provider SATURDAYS = TestProviders.provider("DEP-SAT").kind(ProviderKind.DEPARTMENT)
            .services("MC-02").hours("SAT 09:00-12:00").build();
    private static final Provider NIGHT_SHIFT = TestProviders.provider("P-NIGHT").services("RP-01")
            .hours("MON-SUN 20:00-02:00").build();

    record Case(String name, String service, boolean emergency, String localNow, String expectedOfferAt,
            String expectedClass) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                held("home service, Saturday 06:13: offered at Saturday's opening", "HK-01", "2026-12-05T06:13",
                        "2026-12-05T08:00", "others"),
                held("home service, Saturday 19:00: closed Sunday, offered Monday 08:00", "HK-01",
                        "2026-12-05T19:00", "2026-12-07T08:00", "others"),
                held("home service, Tuesday 23:30: Wednesday's opening", "HK-01", "2026-12-08T23:30",
                        "2026-12-09T08:00", "others"),
                held("home service on a holiday: the company works holidays, so the next morning", "HK-01",
                        "2026-09-30T20:00", "2026-10-01T08:00", "others"),
                held("a night shift: a weekday 03:00 waits for 20:00 the same day", "RP-01", "2026-12-08T03:00",
                        "2026-12-08T20:00", "others"),
                held("department, Saturday 06:13: not Saturday's 09:00, Monday 08:30", "MC-01", "2026-12-05T06:13",
                        "2026-12-07T08:30", "departments"),
                held("department, Friday 18:00: Monday 08:30", "MC-01", "2026-12-04T18:00", "2026-12-07T08:30",
                        "departments"),
                held("department, Wednesday before two holidays: Monday 08:30", "MC-01", "2026-09-30T20:00",
                        "2026-10-05T08:30", "departments"),
                held("department, weekday 07:00: the same morning", "MC-01", "2026-12-08T07:00",
                        "2026-12-08T08:30", "departments"),
                escalated("urgent home service, Saturday 06:13: escalate at once", "HK-01", true, "2026-12-05T06:13",
                        "emergency: escalate at once"),
                escalated("urgent department job at night: escalate at once", "MC-01", true, "2026-12-08T23:00",
                        "emergency: escalate at once"),
                escalated("emergency-assistance category at night, though not flagged urgent", "ER-03", false,
                        "2026-12-08T23:00", "category ER: escalate at once"),
                escalated("a department open only on Saturdays never opens on a working day", "MC-02", false,
                        "2026-12-05T06:13", "no provider that can take it opens within 168 h"),
                escalated("nobody provides it at any hour: not a matter of hours, no after-hours note", "HK-02",
                        false, "2026-12-05T06:13", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decideShouldHoldOrEscalateAsTheTableSays(Case c) {
        Instant now = shanghai(c.localNow());
        DispatchJob job = new DispatchJob(new WorkOrderRef("W1"), ServiceCode.of(c.service()), AREA,
                RequestKind.HELP, c.emergency());
        ProviderIndex providers = ProviderIndex.of(List.of(HOME, DEPT, SATURDAYS, NIGHT_SHIFT));
        DispatchRequest request = DispatchRequest.of(job.service(), AREA, now);
        BalancedDispatchPolicy policy = new BalancedDispatchPolicy();
        assertThat(policy.decide(request, providers, LoadView.of(Map.of(), Map.of())))
                .as("precondition: nobody can take it now").isInstanceOf(DispatchDecision.NoCandidate.class);

        AfterHoursDecision decision = POLICY.decide(job, request, providers, LoadView.of(Map.of(), Map.of()), policy);

        if (c.expectedOfferAt().isEmpty()) {
            assertThat(decision).isInstanceOfSatisfying(AfterHoursDecision.Escalate.class,
                    e -> assertThat(e.why()).isEqualTo(c.expectedClass()));
        } else {
            assertThat(decision).isInstanceOfSatisfying(AfterHoursDecision.Hold.class, h -> {
                assertThat(h.offerAt()).isEqualTo(shanghai(c.expectedOfferAt()));
                assertThat(h.serviceClass()).isEqualTo(c.expectedClass());
            });
        }
    }

    @Test
    void aProviderFullNowIsNotClosedSoItsJobEscalatesRatherThanWaitForAnOpeningThatWillNotHelp() {
        Provider full = TestProviders.provider("P-FULL").services("HK-01").hours("MON-FRI 08:00-18:00").capacity(1)
                .build();
        Instant tuesday10 = shanghai("2026-12-08T10:00");
        LoadView load = LoadView.of(Map.of(ProviderId.of("P-FULL"), 1), Map.of());
        DispatchJob job = new DispatchJob(new WorkOrderRef("W2"), ServiceCode.of("HK-01"), AREA, RequestKind.HELP,
                false);

        AfterHoursDecision decision = POLICY.decide(job, DispatchRequest.of(job.service(), AREA, tuesday10),
                ProviderIndex.of(List.of(full)), load, new BalancedDispatchPolicy());

        assertThat(decision).isInstanceOf(AfterHoursDecision.Escalate.class);
    }

    @Test
    void aProviderAlreadyTriedIsNotWaitedFor() {
        DispatchJob job = new DispatchJob(new WorkOrderRef("W3"), ServiceCode.of("HK-01"), AREA, RequestKind.HELP,
                false);
        DispatchRequest tried = new DispatchRequest(job.service(), AREA, shanghai("2026-12-05T06:13"),
                Set.of(HOME.id()), Set.of());

        assertThat(POLICY.decide(job, tried, ProviderIndex.of(List.of(HOME)), LoadView.of(Map.of(), Map.of()),
                new BalancedDispatchPolicy())).isInstanceOf(AfterHoursDecision.Escalate.class);
    }

    /** The official calendar of this table: 10-01..07 off, Sunday 09-20 and Saturday 10-10 worked (调休). */
    private static final AfterHours NATIONAL_DAY = new AfterHours(AfterHoursRule.ESCALATE,
            AfterHoursRule.NEXT_WORKING_DAY, AfterHoursRule.HOLD, Map.of(), Duration.ofDays(7),
            Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
                    LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
            Set.of(LocalDate.parse("2026-09-20"), LocalDate.parse("2026-10-10")), AfterHours.DEFAULT_OPENING_SHARE);

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "a make-up Sunday is a working day, 2026-09-20, true",
        "the Saturday before it is not, 2026-09-19, false",
        "a make-up Saturday is a working day, 2026-10-10, true",
        "a holiday Thursday is not, 2026-10-01, false",
        "a holiday Monday is not, 2026-10-05, false",
        "the Thursday after the holidays is, 2026-10-08, true",
        "an ordinary Sunday is not, 2026-10-18, false",
        "an ordinary Monday is, 2026-10-19, true",
    })
    void workingDaysShouldFollowTheOfficialCalendar(String name, String date, boolean working) {
        Instant noon = LocalDateTime.parse(date + "T12:00").atZone(OpeningHours.SHANGHAI).toInstant();
        assertThat(NATIONAL_DAY.isWorkingDay(noon)).isEqualTo(working);
    }

    @Test
    void aDepartmentJobShouldWaitForTheMakeUpSaturdayNotTheNextMonday() {
        DispatchJob job = new DispatchJob(new WorkOrderRef("W9"), ServiceCode.of("MC-01"), AREA, RequestKind.COMPLAINT,
                false);
        Instant friday = LocalDateTime.parse("2026-10-09T18:00").atZone(OpeningHours.SHANGHAI).toInstant();
        AfterHoursDecision decision = NATIONAL_DAY.decide(job, DispatchRequest.of(job.service(), AREA, friday),
                ProviderIndex.of(List.of(DEPT)), LoadView.of(Map.of(), Map.of()), new BalancedDispatchPolicy());
        assertThat(decision).isInstanceOfSatisfying(AfterHoursDecision.Hold.class, h -> assertThat(h.offerAt())
                .as("Saturday 10-10 09:00, a working day this year").isEqualTo(LocalDateTime.parse("2026-10-10T09:00")
                        .atZone(OpeningHours.SHANGHAI).toInstant()));
        assertThat(POLICY.decide(job, DispatchRequest.of(job.service(), AREA, friday), ProviderIndex.of(List.of(DEPT)),
                LoadView.of(Map.of(), Map.of()), new BalancedDispatchPolicy())).as("without 调休: Monday")
                .isInstanceOfSatisfying(AfterHoursDecision.Hold.class, h -> assertThat(h.offerAt())
                        .isEqualTo(LocalDateTime.parse("2026-10-12T08:30").atZone(OpeningHours.SHANGHAI).toInstant()));
    }

    @Test
    void aDayCannotBeBothAHolidayAndAMakeUpWorkingDay() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AfterHours(AfterHoursRule.ESCALATE,
                AfterHoursRule.HOLD, AfterHoursRule.HOLD, Map.of(), Duration.ofDays(1),
                Set.of(LocalDate.parse("2026-10-10")), Set.of(LocalDate.parse("2026-10-10")), 0.8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2026-10-10");
    }

    @Test
    void escalateAlwaysIsTheOldBehaviour() {
        DispatchJob job = new DispatchJob(new WorkOrderRef("W4"), ServiceCode.of("HK-01"), AREA, RequestKind.HELP,
                false);
        assertThat(AfterHours.escalateAlways().decide(job, DispatchRequest.of(job.service(), AREA,
                shanghai("2026-12-05T06:13")), ProviderIndex.of(List.of(HOME)), LoadView.of(Map.of(), Map.of()),
                new BalancedDispatchPolicy())).isInstanceOf(AfterHoursDecision.Escalate.class);
    }

    @Test
    void rulesReadFromTheirConfigWords() {
        assertThat(Stream.of("escalate", "hold", "next-working-day").map(AfterHoursRule::of))
                .containsExactly(AfterHoursRule.ESCALATE, AfterHoursRule.HOLD, AfterHoursRule.NEXT_WORKING_DAY);
        assertThat(AfterHoursRule.NEXT_WORKING_DAY.wire()).isEqualTo("next-working-day");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> AfterHoursRule.of("wait")).withMessageContaining("wait");
    }

    private static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(OpeningHours.SHANGHAI).toInstant();
    }

    private static Arguments held(String name, String service, String now, String offerAt, String serviceClass) {
        return Arguments.of(new Case(name, service, false, now, offerAt, serviceClass));
    }

    private static Arguments escalated(String name, String service, boolean emergency, String now, String why) {
        return Arguments.of(new Case(name, service, emergency, now, "", why));
    }
}
