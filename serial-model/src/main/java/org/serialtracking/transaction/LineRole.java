package org.serialtracking.transaction;

/** A line's role on a BUILD or WORK_ORDER: the finished good made, or a component used up. */
public enum LineRole {
    OUTPUT, COMPONENT
}
