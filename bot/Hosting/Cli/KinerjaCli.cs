namespace KinerjaBot.Hosting.Cli;

/// <summary>The coordinators' command-line verbs (<c>import</c>, <c>rekap</c>); filled in by the import work.</summary>
public static class KinerjaCli
{
    public static bool IsCommand(string[] args) => false;

    public static Task<int> RunAsync(string[] args) => Task.FromResult(2);
}
