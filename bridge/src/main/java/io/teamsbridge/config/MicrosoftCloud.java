package io.teamsbridge.config;

/**
 * The Microsoft clouds and their endpoints (Microsoft Graph "national cloud deployments"). Tokens
 * from one cloud are not accepted by another, so sign-in and Graph hosts always travel together.
 */
public enum MicrosoftCloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://teams.microsoft.com"),
    USGOV_HIGH("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://gov.teams.microsoft.us"),
    USGOV_DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://dod.teams.microsoft.us"),
    CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "https://teams.microsoftonline.cn");

    private final String loginHost;
    private final String graphHost;
    private final String teamsWebHost;

    MicrosoftCloud(String loginHost, String graphHost, String teamsWebHost) {
        this.loginHost = loginHost;
        this.graphHost = graphHost;
        this.teamsWebHost = teamsWebHost;
    }

    public String loginHost() {
        return loginHost;
    }

    public String graphHost() {
        return graphHost;
    }

    public String teamsWebHost() {
        return teamsWebHost;
    }
}
