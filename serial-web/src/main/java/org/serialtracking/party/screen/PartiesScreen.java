package org.serialtracking.party.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.common.Page;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.party.PartyKind;
import org.serialtracking.party.PartyView;
import org.serialtracking.party.boundary.PartyService;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.KeysetPager;
import org.serialtracking.platform.screen.ScreenMessages;

import java.io.Serializable;

/**
 * Customers and suppliers side by side: each list searchable by code or name and paged, and a
 * clerk or an admin adds one (the same rules as the API: a code once per kind).
 */
@Named
@ViewScoped
public class PartiesScreen implements Serializable {

    static final int PAGE_SIZE = 15;

    @Inject
    PartyService parties;

    @Inject
    CurrentUser user;

    private final PartyList customers = new PartyList(PartyKind.CUSTOMER);
    private final PartyList suppliers = new PartyList(PartyKind.SUPPLIER);

    /** One kind's list: what is searched, the page shown, and the party being added. */
    public static final class PartyList implements Serializable {
        private final PartyKind kind;
        private final KeysetPager<PartyView> pager = new KeysetPager<>();
        private String q;
        private String code;
        private String name;

        PartyList(PartyKind kind) {
            this.kind = kind;
        }

        public PartyKind getKind() {
            return kind;
        }

        public KeysetPager<PartyView> getPager() {
            return pager;
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = q;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @PostConstruct
    void load() {
        search(customers);
        search(suppliers);
    }

    public void search(PartyList list) {
        list.pager.first(after -> fetch(list, after));
    }

    public void next(PartyList list) {
        list.pager.next(after -> fetch(list, after));
    }

    public void previous(PartyList list) {
        list.pager.previous(after -> fetch(list, after));
    }

    private Page<PartyView> fetch(PartyList list, String after) {
        return parties.search(list.kind, list.q == null || list.q.isBlank() ? null : list.q.trim(), PAGE_SIZE, after);
    }

    public void add(PartyList list, String field) {
        user.requireClerk();
        try {
            PartyView added = parties.create(list.kind, new PartyView(list.code, list.name));
            ScreenMessages.info((list.kind == PartyKind.CUSTOMER ? "Customer " : "Supplier ") + added.code()
                    + " added.");
            list.code = null;
            list.name = null;
            list.q = null;
            search(list);
        } catch (RuleViolation refused) {
            ScreenMessages.refused(field, refused);
        }
    }

    public PartyList getCustomers() {
        return customers;
    }

    public PartyList getSuppliers() {
        return suppliers;
    }
}
