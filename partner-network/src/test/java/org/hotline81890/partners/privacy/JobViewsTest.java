package org.hotline81890.partners.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.hotline81890.partners.Area;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.offer.Offer;
import org.hotline81890.partners.store.OfferStoreContract;
import org.hotline81890.partners.webhook.WebhookEvent;
import org.hotline81890.partners.webhook.WebhookPayload;

class JobViewsTest {
    private static final Instant T0 = Instant.parse("2026-03-03T02:00:00Z");
    static final JobDetails JOB = new JobDetails(ServiceCode.of("HK-01"), "钟点工",
            Area.of("海曙区/南门街道/柳西社区/网格03"), "柳西新村12幢3单元502室", PhoneNumber.of("13812341111"),
            T0.plusSeconds(86_400), Optional.empty(), "住柳西新村12幢，想找阿姨打扫");

    static Stream<Arguments> states() {
        UnaryOperator<Offer> offered = o -> o;
        return Stream.of(
                Arguments.of("offered", offered, false),
                Arguments.of("accepted", (UnaryOperator<Offer>) o -> o.accept(T0), true),
                Arguments.of("started", (UnaryOperator<Offer>) o -> o.accept(T0).start(T0), true),
                Arguments.of("declined", (UnaryOperator<Offer>) o -> o.decline(T0, "busy"), false),
                Arguments.of("expired", (UnaryOperator<Offer>) o -> o.expire(T0), false),
                Arguments.of("cancelled after acceptance",
                        (UnaryOperator<Offer>) o -> o.accept(T0).cancel(T0, "x"), false),
                Arguments.of("completed",
                        (UnaryOperator<Offer>) o -> o.accept(T0).start(T0).complete(T0, "ok"), false));
    }

    @ParameterizedTest(name = "{0}: full view = {2}")
    @MethodSource("states")
    void addressAndMaskedNumberShouldShowOnlyWhileTheJobIsTheProviders(String name, UnaryOperator<Offer> to,
            boolean full) {
        Offer offer = to.apply(OfferStoreContract.offer("o1", "W1", "P-1", T0));

        JobView view = JobViews.forProvider(offer, JOB);
        String webhook = WebhookPayload.of(WebhookEvent.OFFERED, view, 0, T0).json();

        assertThat(webhook).doesNotContain("13812341111").doesNotContain("1234");
        if (full) {
            assertThat(view).isInstanceOfSatisfying(JobView.Full.class, f -> {
                assertThat(f.maskedPhone()).isEqualTo("138****1111");
                assertThat(f.address()).isEqualTo(JOB.address());
            });
            assertThat(webhook).contains("\"phone\":\"138****1111\"").contains("柳西新村12幢3单元502室");
        } else {
            assertThat(view).isInstanceOfSatisfying(JobView.Restricted.class,
                    r -> assertThat(r.area()).isEqualTo(Area.of("海曙区/南门街道/柳西社区")));
            assertThat(webhook).doesNotContain("柳西新村").doesNotContain("138").doesNotContain("网格03")
                    .contains("\"area\":\"海曙区/南门街道/柳西社区\"");
        }
    }

    @Test
    void identifiersInTheResidentsWordsShouldReachTheProviderMaskedInTheViewAndTheWebhook() {
        // issue 16, M6: API, webhook, SMS and desk pages all show a provider this view
        JobDetails job = new JobDetails(JOB.service(), JOB.serviceName(), JOB.area(), "柳西新村12幢，电话13912345678",
                JOB.residentPhone(), JOB.wantedFrom(), JOB.wantedUntil(),
                "请打我电话13912345678，身份证330203199001011234，车牌浙B12345");
        Offer accepted = OfferStoreContract.offer("o1", "W1", "P-1", T0).accept(T0);

        JobView view = JobViews.forProvider(accepted, job);
        String webhook = WebhookPayload.of(WebhookEvent.OFFERED, view, 0, T0).json();

        assertThat(view).isInstanceOfSatisfying(JobView.Full.class, f -> {
            assertThat(f.description()).isEqualTo("请打我电话139****5678，身份证330***********1234，车牌浙B***45");
            assertThat(f.address()).isEqualTo("柳西新村12幢，电话139****5678");
        });
        assertThat(webhook).doesNotContain("13912345678").doesNotContain("330203199001011234")
                .doesNotContain("浙B12345").contains("139****5678");
    }
}
