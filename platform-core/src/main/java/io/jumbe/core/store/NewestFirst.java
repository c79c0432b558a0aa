package io.jumbe.core.store;

import io.jumbe.core.common.ListPage;
import io.jumbe.core.common.PageRequest;
import io.jumbe.core.common.ServiceException;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The paging every tenant list shares: newest first by {@code (created_at, id)}, numbered pages by offset, and
 * cursor pages ({@code starting_after}) by keyset.
 *
 * <p>{@code (created_at, id)} is a total order that never changes for a row, whatever the ids look like, so the
 * page after a given item holds exactly the items older than it, however many arrived meanwhile. The cursor's
 * position is read inside the database (a sub-select) rather than bound back from Java, so no timestamp precision
 * is lost between the two vendors' drivers. The {@code (tenant_id, created_at)} indexes serve both forms.
 *
 * @param <T> the row type
 */
public final class NewestFirst<T> {
    private static final String ORDER = " ORDER BY created_at DESC, id DESC";
    private final String columns;
    private final String from;
    private final String tenantColumn;
    private final RowMapper<T> mapper;

    /**
     * @param columns      the select list
     * @param from         a table, or a parenthesised derived table with an alias, having {@code id},
     *                     {@code created_at} and the tenant column
     * @param tenantColumn the column that owns a row (a cursor from another tenant is refused)
     * @param mapper       maps one row
     */
    public NewestFirst(String columns, String from, String tenantColumn, RowMapper<T> mapper) {
        this.columns = columns;
        this.from = from;
        this.tenantColumn = tenantColumn;
        this.mapper = mapper;
    }

    /**
     * Reads one page and the total.
     *
     * @param h          the handle
     * @param tenantId   the tenant whose ids are valid cursors
     * @param conditions the list's own conditions without {@code WHERE} (its tenant condition included)
     * @param bind       binds the names {@code conditions} uses
     * @param request    which page
     * @return the page, with {@code hasMore} from reading one row past it
     * @throws ServiceException {@code validation_failed} on {@code starting_after} when the id is not one of the
     *                          tenant's items of this list
     */
    public ListPage<T> page(Handle h, long tenantId, String conditions, Consumer<Query> bind, PageRequest request) {
        Query count = h.createQuery("SELECT COUNT(*) FROM " + from + " WHERE " + conditions);
        bind.accept(count);
        long total = count.mapTo(Long.class).one();
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(from)
                .append(" WHERE ").append(conditions);
        if (request.isCursor()) {
            boolean known = h.createQuery("SELECT COUNT(*) FROM " + from + " WHERE id = :pg_after AND "
                            + tenantColumn + " = :pg_tenant")
                    .bind("pg_after", request.startingAfter()).bind("pg_tenant", tenantId).mapTo(Long.class).one() > 0;
            if (!known) {
                throw ServiceException.validation("starting_after", "No such object: " + request.startingAfter());
            }
            String at = "(SELECT created_at FROM " + from + " WHERE id = :pg_after AND " + tenantColumn
                    + " = :pg_tenant)";
            sql.append(" AND (created_at < ").append(at).append(" OR (created_at = ").append(at)
                    .append(" AND id < :pg_after))");
        }
        sql.append(ORDER).append(" LIMIT :pg_limit");
        if (!request.isCursor()) {
            sql.append(" OFFSET :pg_offset");
        }
        Query list = h.createQuery(sql.toString());
        bind.accept(list);
        if (request.isCursor()) {
            list.bind("pg_after", request.startingAfter()).bind("pg_tenant", tenantId);
        } else {
            list.bind("pg_offset", (long) (request.page() - 1) * request.perPage());
        }
        List<T> rows = list.bind("pg_limit", request.perPage() + 1).map(mapper).list();
        boolean hasMore = rows.size() > request.perPage();
        return new ListPage<>(hasMore ? rows.subList(0, request.perPage()) : rows, request, total, hasMore);
    }
}
