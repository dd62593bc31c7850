package com.zebros.platform.tools.offline.transition;

/**
 * Why a transition cannot be carried out as planned.
 *
 * @param kind    the class of problem
 * @param urn     the resource whose step fails or does harm
 * @param message what happens, in words, with the rule or the AWS page behind it
 * @param fix     what the program or the operator does instead
 */
public record Problem(Kind kind, String urn, String message, String fix) {

    public enum Kind {
        /** A create under a name that an existing resource still holds, which AWS refuses: {@code pulumi up} stops. */
        NAME_COLLISION,
        /** A delete that removes what another resource of the stack created over the same name. */
        DELETE_REMOVES_NEW,
        /** A replacement or delete of a resource that holds data. */
        DATA_LOSS,
        /** An in-place change the provider plans and AWS refuses. */
        UPDATE_REFUSED,
        /** A replacement or delete of a protected resource, which the engine refuses. */
        PROTECTED,
        /** A changed input the replacement table has no row for: whether it replaces is unknown. */
        UNKNOWN_INPUT
    }

    @Override
    public String toString() {
        return kind + " " + urn + ": " + message + (fix.isEmpty() ? "" : " Fix: " + fix);
    }
}
