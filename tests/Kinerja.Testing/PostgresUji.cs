namespace Kinerja.Testing;

/// <summary>
/// The private PostgreSQL cluster test.sh starts for the tests that need one (several bot instances on one Hangfire
/// storage, the shared tenant gate): its connection string from <c>KINERJA_TEST_POSTGRES</c>. Missing is a failure, not a
/// skip, so a run without the cluster can never pass those tests silently.
/// </summary>
public static class PostgresUji
{
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("KINERJA_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException("KINERJA_TEST_POSTGRES is not set: run the tests with test.sh, which starts a private PostgreSQL cluster.");
}
