package io.teamsbridge.config;

/**
 * The Microsoft clouds and their endpoints (Microsoft Graph "national cloud deployments"). Tokens
 * from one cloud are not accepted by another, so sign-in and Graph hosts always travel together.
 */
public enum MicrosoftCloud {
    GLOBAL("https://login.microsoftonline.com", "https://graph.microsoft.com", "https://teams.microsoft.com",
            "https://sts.windows.net"),
    USGOV_HIGH("https://login.microsoftonline.us", "https://graph.microsoft.us", "https://gov.teams.microsoft.us",
            "https://sts.windows.net"),
    USGOV_DOD("https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "https://dod.teams.microsoft.us",
            "https://sts.windows.net"),
    CHINA("https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "https://teams.microsoftonline.cn",
            "https://sts.chinacloudapi.cn");

    private final String loginHost;
    private final String graphHost;
    private final String teamsWebHost;
    private final String v1IssuerHost;

    MicrosoftCloud(String loginHost, String graphHost, String teamsWebHost, String v1IssuerHost) {
        this.loginHost = loginHost;
        this.graphHost = graphHost;
        this.teamsWebHost = teamsWebHost;
        this.v1IssuerHost = v1IssuerHost;
    }

    /**
     * The issuers a token of this cloud's identity platform may name for a tenant: the v1 form
     * ({@code https://sts.windows.net/{tid}/}; {@code sts.chinacloudapi.cn} in China) and the v2 form
     * ({@code {login host}/{tid}/v2.0}).
     */
    public java.util.List<String> tokenIssuers(String tenantId) {
        String tid = tenantId.toLowerCase(java.util.Locale.ROOT);
        return java.util.List.of(v1IssuerHost + "/" + tid + "/", loginHost + "/" + tid + "/v2.0");
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
