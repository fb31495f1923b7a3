/*
 * Scanner-speed entry. A handheld scanner types a whole serial and Enter within a few
 * milliseconds, many times in a row, with no pause for the server. So an Enter in a box marked
 * `scan-input` never waits for a round trip: the entry is taken out of the box at once and queued,
 * and the box is free for the next scan. Queued entries go to the server in batches, one request
 * at a time and in the order they were scanned, through the PrimeFaces remote command named by the
 * box's `data-scan-command`; the server judges every entry. Nothing re-renders a box while the
 * clerk scans into it, so no keystroke can be lost in an update.
 */
(function () {
    'use strict';

    if (window.SerialScan) {
        return; // loaded once per page: a second copy would take every Enter twice and split the queues
    }

    var BATCH = 500;
    var queues = {};

    function queueOf(command) {
        if (!queues[command]) {
            queues[command] = {pending: [], busy: false};
        }
        return queues[command];
    }

    function send(command) {
        var queue = queueOf(command);
        if (queue.busy || queue.pending.length === 0) {
            return;
        }
        var batch = queue.pending.splice(0, BATCH);
        queue.busy = true;
        var call = window[command];
        if (typeof call !== 'function') {
            queue.busy = false;
            queue.pending = batch.concat(queue.pending);
            return;
        }
        // one parameter per entry, in order: a value is never split or joined on the way
        call(batch.map(function (entry) {
            return {name: 'serials', value: entry};
        }));
    }

    /** Takes what the box holds as one entry, empties the box, and sends it on its way. */
    function take(input) {
        var command = input.getAttribute('data-scan-command');
        var value = input.value.trim();
        input.value = '';
        if (!command || value === '') {
            return;
        }
        queueOf(command).pending.push(value);
        send(command);
    }

    window.SerialScan = {
        /** The remote command's oncomplete: the next batch may go. */
        sent: function (command) {
            queueOf(command).busy = false;
            send(command);
        },
        /** An "Add" button next to a box: the same as Enter in it. */
        takeFrom: function (id) {
            var input = document.getElementById(id);
            if (input) {
                take(input);
                input.focus();
            }
        },
        /** Entries scanned and not yet answered by the server (browser tests wait for 0). */
        waiting: function () {
            var n = 0;
            for (var command in queues) {
                if (Object.prototype.hasOwnProperty.call(queues, command)) {
                    n += queues[command].pending.length + (queues[command].busy ? 1 : 0);
                }
            }
            return n;
        }
    };

    // capture phase: before PrimeFaces' default command or the browser's implicit form submit
    document.addEventListener('keydown', function (event) {
        var input = event.target;
        if (!input || !input.classList || !input.classList.contains('scan-input')) {
            return;
        }
        if (event.key !== 'Enter' && event.keyCode !== 13) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        take(input);
    }, true);
})();
