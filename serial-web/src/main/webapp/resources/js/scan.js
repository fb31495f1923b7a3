/*
 * Scanner-speed entry. A handheld scanner types a whole serial and Enter within a few
 * milliseconds, many times in a row, with no pause for the server. So an Enter in a box marked
 * `scan-input` never waits for a round trip: the entry is taken out of the box at once and queued,
 * and the box is free for the next scan. Queued entries go to the server in batches, one request
 * at a time and in the order they were scanned, through the PrimeFaces remote command named by the
 * box's `data-scan-command`; the server judges every entry. Nothing re-renders a box while the
 * clerk scans into it, so no keystroke can be lost in an update.
 *
 * GS1 barcodes (DataMatrix, GS1-128) end their variable-length fields with FNC1, which a keyboard
 * scanner types as the GS control character: Ctrl+] on the keyboard it emulates. A browser inserts
 * nothing for a Ctrl key, so the box inserts GS itself; without it the fields would run together.
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

    /** FNC1 as a keyboard scanner sends it: Ctrl+] (GS), or a GS key where a layout has one. */
    function isGroupSeparator(event) {
        return event.key === '\u001d'
            || (event.ctrlKey && !event.altKey && (event.key === ']' || event.code === 'BracketRight'
                || event.keyCode === 221));
    }

    /** Types text at the caret, as a key would. */
    function insert(input, text) {
        var start = input.selectionStart == null ? input.value.length : input.selectionStart;
        var end = input.selectionEnd == null ? start : input.selectionEnd;
        input.value = input.value.slice(0, start) + text + input.value.slice(end);
        input.selectionStart = input.selectionEnd = start + text.length;
    }

    // capture phase: before PrimeFaces' default command or the browser's implicit form submit
    document.addEventListener('keydown', function (event) {
        var input = event.target;
        if (!input || !input.classList || !input.classList.contains('scan-input')) {
            return;
        }
        if (isGroupSeparator(event)) {
            event.preventDefault();
            insert(input, '\u001d');
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
