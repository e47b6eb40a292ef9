using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace KinerjaBot.Tests.Auth;

/// <summary>An RSA key generated for the tests, with the self-signed certificate a real Bot Connector JWKS carries in x5c.</summary>
public sealed class TestKey
{
    public TestKey(string kid)
    {
        Kid = kid;
        Rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={kid}", Rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        Certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero));
    }

    public string Kid { get; }

    public RSA Rsa { get; }

    public X509Certificate2 Certificate { get; }
}

/// <summary>Keys are slow to generate: one set for the whole test run.</summary>
public static class TestKeys
{
    /// <summary>Published, endorsed for msteams (and webchat, like the real keys).</summary>
    public static TestKey Teams { get; } = new("kunci-teams-2026");

    /// <summary>Published without an <c>endorsements</c> member.</summary>
    public static TestKey NoEndorsements { get; } = new("kunci-tanpa-endorsement");

    /// <summary>Published, endorsed only for webchat and directline.</summary>
    public static TestKey WebchatOnly { get; } = new("kunci-webchat");

    /// <summary>Appears in the JWKS only when a test rotates keys.</summary>
    public static TestKey Rotated { get; } = new("kunci-rotasi-2027");

    /// <summary>Never published: an attacker's key.</summary>
    public static TestKey Attacker { get; } = new("kunci-penyerang");
}
