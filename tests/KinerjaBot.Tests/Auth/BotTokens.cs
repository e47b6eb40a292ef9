using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// Writes JWTs by hand (no library defaults in the way), so a test can produce exactly the token a Bot Connector
/// would send, or exactly the forgery it wants to see refused.
/// </summary>
public sealed class BotTokens(TimeProvider time)
{
    public const string AppId = "3f1c2a4b-0000-4000-8000-000000000001";
    public const string Issuer = "https://api.botframework.com";
    public const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";

    /// <summary>The claims of a Bot Connector token for our bot, valid for an hour from now.</summary>
    public JsonObject Claims(string serviceUrl = TeamsServiceUrl)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now - 60,
            ["exp"] = now + 3600,
            ["iss"] = Issuer,
            ["aud"] = AppId,
        };
    }

    public static JsonObject Header(string alg, string? kid) =>
        kid is null ? new JsonObject { ["alg"] = alg, ["typ"] = "JWT" } : new JsonObject { ["alg"] = alg, ["kid"] = kid, ["x5t"] = kid, ["typ"] = "JWT" };

    /// <summary>A valid token: RS256 with the Teams key.</summary>
    public string Valid(string serviceUrl = TeamsServiceUrl) => Rs(TestKeys.Teams, Claims(serviceUrl));

    /// <summary>RS256/384/512 (or PS256) signed by <paramref name="signer"/>, naming <paramref name="kid"/> (default: the signer's).</summary>
    public static string Rs(TestKey signer, JsonObject claims, string alg = "RS256", string? kid = null)
    {
        var unsigned = Unsigned(Header(alg, kid ?? signer.Kid), claims);
        var hash = alg[2..] switch
        {
            "384" => HashAlgorithmName.SHA384,
            "512" => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        var padding = alg.StartsWith("PS", StringComparison.Ordinal) ? RSASignaturePadding.Pss : RSASignaturePadding.Pkcs1;
        var signature = signer.Rsa.SignData(Encoding.ASCII.GetBytes(unsigned), hash, padding);
        return unsigned + "." + Base64UrlEncoder.Encode(signature);
    }

    /// <summary>HS256 with a shared secret (what the Playground sends in teams-ai-v2-dotnet mode, or a guess).</summary>
    public static string Hs256(byte[] secret, JsonObject claims, string? kid = null)
    {
        var unsigned = Unsigned(Header("HS256", kid), claims);
        return unsigned + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(unsigned)));
    }

    /// <summary><c>alg: none</c> and an empty signature.</summary>
    public static string None(JsonObject claims, string? kid = null) => Unsigned(Header("none", kid), claims) + ".";

    public static string Unsigned(JsonObject header, JsonObject claims) =>
        Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(claims.ToJsonString());
}
