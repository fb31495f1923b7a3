package org.serialtracking.start.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.start.StartFigures;
import org.serialtracking.start.boundary.StartService;

import java.io.Serializable;

/** The start page: what matters now, and on a first run the steps before anything can be posted. */
@Named
@ViewScoped
public class StartScreen implements Serializable {

    @Inject
    StartService start;

    private StartFigures figures;

    @PostConstruct
    void load() {
        figures = start.figures();
    }

    public StartFigures getFigures() {
        return figures;
    }
}
