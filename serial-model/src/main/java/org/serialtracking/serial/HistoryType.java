package org.serialtracking.serial;

/** What a document did to one serial; one history row per serial per move. */
public enum HistoryType {
    RECEIVE, SHIP, MOVEOUT, MOVEIN, ADJUST, BUILD, CONSUME, WORKBUILD, WORKCONSUME, RETURN
}
