package org.hotline81890.gateway.dispatch;

import java.util.Comparator;
import java.util.List;

import org.hotline81890.gateway.desk.Departments;
import org.hotline81890.partners.ProviderKind;
import org.hotline81890.partners.ServiceCode;

/** The departments of the partner network's provider index (cached), for the ticket form's 转办 picker. */
public final class ProviderDepartments implements Departments {
    private final ProviderCache providers;

    public ProviderDepartments(ProviderCache providers) {
        this.providers = providers;
    }

    @Override
    public List<Department> serving(String serviceCode) {
        ServiceCode code;
        try {
            code = ServiceCode.of(serviceCode);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return providers.get().providing(code).stream()
                .filter(p -> p.kind() == ProviderKind.DEPARTMENT && p.isActive())
                .map(p -> new Department(p.id().value(), p.name()))
                .sorted(Comparator.comparing(Department::name)).toList();
    }
}
