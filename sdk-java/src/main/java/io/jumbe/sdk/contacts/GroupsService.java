package io.jumbe.sdk.contacts;

import io.jumbe.sdk.internal.ApiCalls;
import io.jumbe.sdk.internal.ListAnswer;
import java.util.List;
import java.util.Objects;

/** Groups of contacts ({@code /groups}): made when a contact first names them. */
public final class GroupsService {
    private final ApiCalls calls;
    private final ContactsApi api;

    /**
     * Creates the service over the SDK's HTTP stack; {@link io.jumbe.sdk.JumbeClient} does this.
     *
     * @param calls the HTTP stack
     */
    public GroupsService(ApiCalls calls) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.api = calls.create(ContactsApi.class);
    }

    /**
     * Every group with its size ({@code GET /groups}).
     *
     * @return the groups by name
     * @throws io.jumbe.sdk.errors.JumbeException when the call fails
     */
    public List<Group> list() {
        ListAnswer<Group> answer = calls.execute(api.groups());
        return answer == null ? List.of() : answer.data();
    }

    /**
     * Removes a group; its contacts stay ({@code DELETE /groups/{name}}).
     *
     * @param name the group
     * @throws io.jumbe.sdk.errors.NotFoundException when there is no such group
     */
    public void delete(String name) {
        calls.execute(api.deleteGroup(ApiCalls.pathSegment(name)));
    }
}
