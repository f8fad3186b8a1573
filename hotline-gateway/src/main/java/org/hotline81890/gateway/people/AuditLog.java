package org.hotline81890.gateway.people;

import java.util.List;

/** Driven port: the append-only audit of views of personal data. It has no way to change or delete a row. */
public interface AuditLog {
    void append(PersonalDataView view);

    /** The newest views first, at most {@code limit}. */
    List<PersonalDataView> newest(int limit);
}
