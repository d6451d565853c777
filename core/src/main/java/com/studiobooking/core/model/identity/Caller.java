package com.studiobooking.core.model.identity;

import com.studiobooking.core.common.DomainException;

/**
 * Who is calling, as proven by a verified token: a member of one studio with one role.
 * {@link #ANONYMOUS} stands for a request without a token.
 *
 * @param tokenVersion for staff, the staff member's token version when the token was issued
 *                     ({@link com.studiobooking.core.model.studio.Staff#tokenVersion()}); 0 for clients
 */
public record Caller(String studioId, String subject, Role role, long tokenVersion) {
    public static final Caller ANONYMOUS = new Caller(null, null, null);

    public Caller(String studioId, String subject, Role role) {
        this(studioId, subject, role, 0);
    }

    public boolean isAnonymous() { return subject == null; }

    /** Staff (or owner) of exactly this studio; anyone else is refused. */
    public Caller requireStaffOf(String studioId) {
        requireMemberOf(studioId);
        if (!role.isStaff()) throw DomainException.forbidden("staff only");
        return this;
    }

    public Caller requireOwnerOf(String studioId) {
        requireMemberOf(studioId);
        if (role != Role.OWNER) throw DomainException.forbidden("the studio owner only");
        return this;
    }

    public Caller requireMemberOf(String studioId) {
        if (isAnonymous()) throw DomainException.unauthenticated("a bearer token is required");
        if (!this.studioId.equals(studioId)) throw DomainException.forbidden("the token belongs to another studio");
        return this;
    }
}
