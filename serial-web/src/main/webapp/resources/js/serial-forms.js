/*
 * Work is never thrown away without asking. The serial modal's Cancel and Esc ask when serials
 * were added or taken off since it opened; following a link (the menu, the breadcrumb, Cancel)
 * away from a document form that has something entered asks too.
 */
(function () {
    'use strict';

    if (window.SerialForms) {
        return;
    }

    function unsavedInModal() {
        var count = document.getElementById('serialModalForm:unsaved');
        return count ? parseInt(count.textContent, 10) || 0 : 0;
    }

    /** A document form with something typed into it: the reference, an item, a quantity. */
    function documentStarted() {
        var form = document.getElementById('document');
        if (!form) {
            return false;
        }
        var fields = form.querySelectorAll('input[type=text], input:not([type])');
        for (var i = 0; i < fields.length; i++) {
            if (fields[i].value && fields[i].value.trim() !== '' && fields[i].offsetParent !== null) {
                return true;
            }
        }
        return false;
    }

    function modalOpen() {
        return window.PF && PF('serialModal') && PF('serialModal').isVisible();
    }

    window.SerialForms = {
        closeSerialModal: function () {
            var n = unsavedInModal();
            if (n > 0 && !window.confirm('Discard ' + n + ' change(s) to the serial numbers? '
                    + 'Choose Cancel to keep working, then Save to keep them.')) {
                return;
            }
            PF('serialModal').hide();
        },
        documentStarted: documentStarted
    };

    document.addEventListener('keydown', function (event) {
        if ((event.key === 'Escape' || event.keyCode === 27) && modalOpen()) {
            event.preventDefault();
            event.stopPropagation();
            window.SerialForms.closeSerialModal();
        }
    }, true);

    // a link (the menu, the breadcrumb, Cancel) away from a started document asks first
    document.addEventListener('click', function (event) {
        var link = event.target.closest ? event.target.closest('a[href]') : null;
        if (!link || link.getAttribute('href').charAt(0) === '#' || link.closest('#serialModal')) {
            return;
        }
        if (documentStarted() && !window.confirm('Leave this document? What you entered has not been saved.')) {
            event.preventDefault();
            event.stopPropagation();
        }
    }, true);

})();
