package org.serialtracking.epcis.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import org.serialtracking.epcis.control.EpcisUris;
import org.serialtracking.epcis.control.EpcisWriter;
import org.serialtracking.epcis.control.EventAssembler;
import org.serialtracking.epcis.control.EventMapping;
import org.serialtracking.epcis.control.FeedPosition;
import org.serialtracking.epcis.control.FeedQuery;
import org.serialtracking.epcis.control.FeedRepository;
import org.serialtracking.epcis.control.FeedRepository.Selection;
import org.serialtracking.epcis.control.PagePlanner;
import org.serialtracking.platform.boundary.TimeSource;
import org.serialtracking.platform.control.ServerSetting;
import org.serialtracking.serial.SerialNumber;
import org.serialtracking.transaction.DocumentType;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The EPCIS 2.0 event feed (issue 15): every document's serial movements as EPCIS events, in the
 * order their transactions committed, paged by keyset. A page is planned first ({@link #plan}: its
 * end, hence the next page's token, known before anything is written) and then written in a
 * transaction of its own ({@link #write}), streamed from cursors, reading exactly the planned
 * entries: both are pinned to the planning's horizon, below which nothing changes any more.
 */
@Stateless
public class EpcisFeedService {

    private static final Logger LOG = Logger.getLogger(EpcisFeedService.class.getName());

    private static volatile EpcisUris uris;

    @Resource(lookup = "jdbc/serial")
    DataSource dataSource;

    @EJB
    TimeSource time;

    /** Plans the page a query asks for: the entries it reads, where it ends, the next page's token. */
    public FeedPage plan(FeedQuery query) {
        try (Connection c = dataSource.getConnection()) {
            FeedRepository repo = new FeedRepository(c);
            Selection selection = select(repo, query);
            EventAssembler.Filter filter = new EventAssembler.Filter(query.bizSteps(), serials(selection));
            if (selection.nothing()) {
                return new FeedPage(query, selection, filter, PagePlanner.plan(query.after(), List.of(), query.perPage(),
                        query.perPage() + 1), null);
            }
            int limit = query.perPage() + 1;
            PagePlanner.Plan plan = PagePlanner.plan(query.after(),
                    repo.plan(selection, query.after(), limit, EventAssembler.EPCS_PER_EVENT), query.perPage(), limit);
            return new FeedPage(query, selection, filter, plan, plan.more() ? query.token(plan.end()) : null);
        } catch (SQLException e) {
            throw new EJBException(e);
        }
    }

    /** Writes the planned page as an EPCIS query document, streamed. */
    public void write(FeedPage page, OutputStream out) {
        EpcisUris names = uris();
        ZoneId zone = time.now().getZone();
        EpcisWriter writer = new EpcisWriter(out, names, time.now().toOffsetDateTime(), page.nextPageToken());
        PagePlanner.Plan plan = page.plan();
        if (!plan.empty()) {
            EventAssembler assembler = new EventAssembler(names, zone);
            FeedPosition after = plan.after();
            FeedPosition end = plan.end();
            try (Connection c = dataSource.getConnection()) {
                new FeedRepository(c).read(page.selection(), new FeedRepository.Bounds(after, end, plan.entries()),
                        (doc, lines, serials) -> assembler.assemble(doc, lines, serials,
                                doc.isAt(after) ? after.seq() : -1, doc.isAt(end) ? end.seq() : FeedPosition.WHOLE,
                                page.filter(), writer::event));
            } catch (SQLException | IOException e) {
                throw new EJBException(e);
            }
        }
        writer.finish();
    }

    /** The names under the configured base ({@code SERIAL_EPCIS_BASE}). */
    public static EpcisUris uris() {
        EpcisUris u = uris;
        if (u == null) {
            String configured = ServerSetting.text("serial/epcisBase");
            try {
                u = EpcisUris.under(configured);
            } catch (IllegalArgumentException e) {
                String given = configured;
                LOG.warning(() -> "SERIAL_EPCIS_BASE '" + given + "' is not an absolute http(s) URI; using "
                        + EpcisUris.DEFAULT_BASE);
                u = EpcisUris.under(EpcisUris.DEFAULT_BASE);
            }
            uris = u;
        }
        return u;
    }

    /**
     * What the query selects, at this moment's horizon: documents in the time window, of the types
     * whose events have its business steps, that moved one of its EPCs' serials (an EPC of no
     * serial of ours selects nothing).
     */
    private static Selection select(FeedRepository repo, FeedQuery query) throws SQLException {
        Set<DocumentType> types = null;
        if (!query.bizSteps().isEmpty()) {
            types = EnumSet.noneOf(DocumentType.class);
            for (String step : query.bizSteps()) {
                types.addAll(EventMapping.typesWith(step));
            }
        }
        long[] items = null;
        String[] keys = null;
        if (!query.epcs().isEmpty()) {
            List<EpcisUris.Epc> epcs = new ArrayList<>();
            for (String epc : query.epcs()) {
                uris().parse(epc).filter(e -> SerialNumber.problemWith(e.serial()).isEmpty()).ifPresent(epcs::add);
            }
            Map<String, Long> ids = repo.items(epcs.stream().map(EpcisUris.Epc::gtin).filter(g -> g != null).toList(),
                    epcs.stream().map(EpcisUris.Epc::sku).filter(s -> s != null).toList());
            List<Long> itemList = new ArrayList<>();
            List<String> keyList = new ArrayList<>();
            for (EpcisUris.Epc e : epcs) {
                Optional.ofNullable(ids.get(e.gtin() != null ? "gtin:" + e.gtin() : "sku:" + e.sku())).ifPresent(id -> {
                    itemList.add(id);
                    keyList.add(SerialNumber.keyOf(e.serial()));
                });
            }
            items = itemList.stream().mapToLong(Long::longValue).toArray();
            keys = keyList.toArray(String[]::new);
        }
        return new Selection(repo.horizon(), query.from(), query.until(), types, items, keys);
    }

    private static Set<String> serials(Selection selection) {
        if (selection.matchItems() == null) {
            return null;
        }
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < selection.matchItems().length; i++) {
            serials.add(EventAssembler.Filter.serial(selection.matchItems()[i], selection.matchKeys()[i]));
        }
        return serials;
    }
}
