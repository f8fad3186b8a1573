package org.hotline81890.gateway.desk;

import java.util.List;

/**
 * Driven port: the departments an agent may transfer an order to (转办), the active department providers of the
 * partner network that serve a service. Without a partner network there are none.
 */
public interface Departments {
    Departments NONE = service -> List.of();

    /** The active departments serving {@code serviceCode}, by name. */
    List<Department> serving(String serviceCode);

    /** One department as the picker shows it. */
    record Department(String id, String name) {
    }
}
