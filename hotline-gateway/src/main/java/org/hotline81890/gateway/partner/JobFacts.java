package org.hotline81890.gateway.partner;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hotline81890.directory.Directory;
import org.hotline81890.gateway.workorder.Priority;
import org.hotline81890.gateway.workorder.WorkOrder;
import org.hotline81890.partners.Area;
import org.hotline81890.partners.PhoneNumber;
import org.hotline81890.partners.ServiceCode;
import org.hotline81890.partners.dispatch.SharedServices;
import org.hotline81890.partners.offer.DispatchJob;
import org.hotline81890.partners.offer.RequestKind;
import org.hotline81890.partners.offer.WorkOrderRef;
import org.hotline81890.partners.privacy.JobDetails;

/** Translates a gateway work order into what the partner network works with: the job and its private details. */
public final class JobFacts {
    /** Stands in for a withheld caller number, so a provider sees {@code 000****0000}, never a real number. */
    private static final PhoneNumber WITHHELD = new PhoneNumber("00000000000");
    private final Directory directory;
    private final String defaultDistrict;

    public JobFacts(Directory directory, String defaultDistrict) {
        this.directory = directory;
        this.defaultDistrict = defaultDistrict;
    }

    public static WorkOrderRef ref(WorkOrder w) {
        return new WorkOrderRef(Long.toString(w.id().value()));
    }

    /** The job to dispatch, or empty when the work order has no service yet (nothing to dispatch on). */
    public Optional<DispatchJob> job(WorkOrder w) {
        if (w.serviceCode().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DispatchJob(ref(w), ServiceCode.of(w.serviceCode().get()), area(w),
                RequestKind.valueOf(w.requestType().name()), w.priority() == Priority.EMERGENCY, w.text(),
                w.deadlines().respondBy(), w.deadlines().completeBy()));
    }

    public JobDetails details(WorkOrder w) {
        ServiceCode service = ServiceCode.of(w.serviceCode().orElse("ZZ-00"));
        String name = directory.find(service.value()).map(s -> s.nameZh()).orElse(service.value())
                + SharedServices.DEFAULT.remit(service, w.text()).map(r -> "（" + r.label() + "）").orElse("");
        Area area = area(w);
        String address = w.area().address().orElse(area.toString());
        PhoneNumber phone = phone(w.callerNumber());
        return new JobDetails(service, name, area, address, phone, w.createdAt(), w.deadlines().completeBy(),
                w.text());
    }

    Area area(WorkOrder w) {
        List<String> levels = new ArrayList<>();
        levels.add(w.area().district().orElse(defaultDistrict));
        w.area().street().ifPresent(levels::add);
        w.area().street().flatMap(s -> w.area().community()).ifPresent(levels::add);
        w.area().street().flatMap(s -> w.area().community()).flatMap(c -> w.area().grid()).ifPresent(levels::add);
        return new Area(levels);
    }

    private static PhoneNumber phone(String number) {
        try {
            return PhoneNumber.of(number);
        } catch (IllegalArgumentException e) {
            return WITHHELD;
        }
    }
}
