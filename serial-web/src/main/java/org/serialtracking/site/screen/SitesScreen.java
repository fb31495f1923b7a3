package org.serialtracking.site.screen;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.serialtracking.common.RuleViolation;
import org.serialtracking.platform.screen.CurrentUser;
import org.serialtracking.platform.screen.ScreenMessages;
import org.serialtracking.site.boundary.CompanyView;
import org.serialtracking.site.boundary.LocationView;
import org.serialtracking.site.boundary.SiteService;

import java.io.Serializable;
import java.util.List;

/**
 * Companies and their locations: everyone sees them, an administrator adds them (the same rules
 * as the API: codes unique, every location in one company).
 */
@Named
@ViewScoped
public class SitesScreen implements Serializable {

    @Inject
    SiteService sites;

    @Inject
    CurrentUser user;

    private List<CompanyView> companies;
    private List<LocationView> locations;
    private String companyCode;
    private String companyName;
    private String locationCode;
    private String locationName;
    private String locationCompany;

    @PostConstruct
    void load() {
        companies = sites.companies();
        locations = sites.locations();
        if (locationCompany == null && companies.size() == 1) {
            locationCompany = companies.get(0).code();
        }
    }

    public void addCompany() {
        user.requireAdmin();
        try {
            CompanyView added = sites.createCompany(new CompanyView(companyCode, companyName));
            ScreenMessages.info("Company " + added.code() + " added.");
            companyCode = null;
            companyName = null;
            locationCompany = added.code();
            load();
        } catch (RuleViolation refused) {
            ScreenMessages.refused("sites:companyCode", refused);
        }
    }

    public void addLocation() {
        user.requireAdmin();
        try {
            LocationView added = sites.createLocation(new LocationView(locationCode, locationName, locationCompany));
            ScreenMessages.info("Location " + added.code() + " added to " + added.company() + ".");
            locationCode = null;
            locationName = null;
            load();
        } catch (RuleViolation refused) {
            ScreenMessages.refused("sites:locationCode", refused);
        }
    }

    public List<CompanyView> getCompanies() {
        return companies;
    }

    public List<LocationView> getLocations() {
        return locations;
    }

    public long locationsOf(String company) {
        return locations.stream().filter(l -> l.company().equals(company)).count();
    }

    public String getCompanyCode() {
        return companyCode;
    }

    public void setCompanyCode(String companyCode) {
        this.companyCode = companyCode;
    }

    public String getCompanyName() {
        return companyName;
    }

    public void setCompanyName(String companyName) {
        this.companyName = companyName;
    }

    public String getLocationCode() {
        return locationCode;
    }

    public void setLocationCode(String locationCode) {
        this.locationCode = locationCode;
    }

    public String getLocationName() {
        return locationName;
    }

    public void setLocationName(String locationName) {
        this.locationName = locationName;
    }

    public String getLocationCompany() {
        return locationCompany;
    }

    public void setLocationCompany(String locationCompany) {
        this.locationCompany = locationCompany;
    }
}
