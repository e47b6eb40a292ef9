using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// The corpus of bad requests to <c>POST /api/messages</c> of a production bot: every one is answered 401 with an
/// empty body, nothing reaches a handler or the connector, and the log says why without quoting the token.
/// </summary>
public sealed class InboundAuthenticationTests(ProductionBot host) : IClassFixture<ProductionBot>
{
    private readonly ActivityDriver _driver = new();

    /// <summary>Each case and the reason the log must give (so no case passes by failing for another reason).</summary>
    public static TheoryData<string, string> Kasus { get; } = new()
    {
        { "tanpa-header-authorization", "no Authorization header" },
        { "skema-basic", "scheme 'Basic' is not Bearer" },
        { "skema-tanpa-token", "empty bearer token" },
        { "bearer-kosong", "empty bearer token" },
        { "token-tanpa-skema", "Authorization header without a scheme" },
        { "token-dengan-spasi", "bearer token with spaces" },
        { "alg-none", "algorithm 'none'" },
        { "alg-none-dengan-kid-asli", "algorithm 'none'" },
        { "hs256-dummy-secret-key-playground", "algorithm 'HS256'" },
        { "hs256-kunci-tebakan-app-id", "algorithm 'HS256'" },
        { "hs256-kunci-publik-sebagai-rahasia", "algorithm 'HS256'" },
        { "ps256-kunci-asli", "algorithm 'PS256'" },
        { "ditandatangani-kunci-asing", "'kunci-penyerang' is not in the Bot Connector's key set" },
        { "kunci-salah-untuk-kid", "signature invalid" },
        { "kid-tidak-dikenal", "'kunci-rotasi-2027' is not in the Bot Connector's key set" },
        { "tanpa-kid", "no signing key (kid)" },
        { "kedaluwarsa", "token expired" },
        { "belum-berlaku", "token not yet valid" },
        { "tanpa-exp", "token without expiry" },
        { "issuer-salah", "issuer 'https://sts.windows.net/" },
        { "issuer-dengan-garis-miring", "issuer 'https://api.botframework.com/'" },
        { "audience-salah", "audience is not MicrosoftAppId" },
        { "tanpa-audience", "audience is not MicrosoftAppId" },
        { "tanpa-serviceurl", "token without serviceurl claim" },
        { "serviceurl-berbeda", "serviceurl claim 'https://attacker.example/amer/'" },
        { "kunci-tanpa-endorsements", "has no endorsements" },
        { "endorsements-tanpa-msteams", "'kunci-webchat' is not endorsed for channel 'msteams'" },
        { "token-untuk-kanal-lain", "not endorsed for channel 'directline'" },
        { "aktivitas-tanpa-channelid", "activity without channelId" },
        { "tenant-tidak-diizinkan", "is not in Kinerja:Bot:TenantDiizinkan" },
        { "base64-rusak", "malformed token" },
        { "bukan-jwt", "malformed token" },
        { "token-terpotong", "signature invalid" },
        { "tanda-tangan-diubah", "signature invalid" },
        { "klaim-diubah-setelah-tanda-tangan", "signature invalid" },
        { "header-raksasa", "(limit 8192)" },
        { "dua-header-authorization", "2 Authorization headers" },
    };

    [Theory]
    [MemberData(nameof(Kasus))]
    public async Task PermintaanTidakSah_Dijawab401TanpaDiproses(string kasus, string alasan)
    {
        var (authorization, activity) = Build(kasus);
        var connectorCalls = host.Bot.Connector.Requests.Count;
        var logLines = host.Logs.Entries.Count;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (authorization.Length > 0)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Authorization", authorization));
        }

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(connectorCalls, host.Bot.Connector.Requests.Count);
        host.Bot.Connector.AssertNoUnexpectedCalls();

        var lines = host.Logs.Entries.Skip(logLines).ToList();
        var rejected = Assert.Single(lines, l => l.EventId == 1100);
        Assert.Contains(alasan, rejected.Message, StringComparison.Ordinal);
        // No part of the token (header, claims, signature) is quoted in any log line.
        foreach (var segment in authorization.SelectMany(v => v.Split('.', ' ')).Where(p => p.Length > 16))
        {
            Assert.DoesNotContain(lines, l => l.Message.Contains(segment, StringComparison.Ordinal));
        }
    }

    private (string[] Authorization, JsonObject Activity) Build(string kasus)
    {
        var t = host.Tokens;
        var activity = _driver.Message("nilai saya");
        activity["serviceUrl"] = BotTokens.TeamsServiceUrl;
        var now = host.Bot.Time.GetUtcNow();
        var claims = t.Claims();
        string Bearer(string token) => "Bearer " + token;
        string Signed(JsonObject c) => BotTokens.Rs(TestKeys.Teams, c);

        string[] authorization = kasus switch
        {
            "tanpa-header-authorization" => [],
            "skema-basic" => ["Basic " + Convert.ToBase64String(Encoding.ASCII.GetBytes($"{BotTokens.AppId}:rahasia-uji"))],
            "skema-tanpa-token" => ["Bearer"],
            "bearer-kosong" => ["Bearer "],
            "token-tanpa-skema" => [t.Valid()],
            "token-dengan-spasi" => ["Bearer " + t.Valid().Replace(".", ". ", StringComparison.Ordinal)],
            "alg-none" => [Bearer(BotTokens.None(claims))],
            "alg-none-dengan-kid-asli" => [Bearer(BotTokens.None(claims, TestKeys.Teams.Kid))],

            // The Playground's teams-ai-v2-dotnet mode: HS256, secret "dummy-secret-key", claims serviceurl and iat.
            "hs256-dummy-secret-key-playground" => [Bearer(BotTokens.Hs256(Encoding.UTF8.GetBytes("dummy-secret-key"),
                new JsonObject { ["serviceurl"] = BotTokens.TeamsServiceUrl, ["iat"] = now.ToUnixTimeSeconds() }))],
            "hs256-kunci-tebakan-app-id" => [Bearer(BotTokens.Hs256(Encoding.UTF8.GetBytes(BotTokens.AppId), claims, TestKeys.Teams.Kid))],
            "hs256-kunci-publik-sebagai-rahasia" => [Bearer(BotTokens.Hs256(TestKeys.Teams.Certificate.RawData, claims, TestKeys.Teams.Kid))],
            "ps256-kunci-asli" => [Bearer(BotTokens.Rs(TestKeys.Teams, claims, "PS256"))],
            "ditandatangani-kunci-asing" => [Bearer(BotTokens.Rs(TestKeys.Attacker, claims))],
            "kunci-salah-untuk-kid" => [Bearer(BotTokens.Rs(TestKeys.Attacker, claims, kid: TestKeys.Teams.Kid))],
            "kid-tidak-dikenal" => [Bearer(BotTokens.Rs(TestKeys.Rotated, claims))],
            "tanpa-kid" => [Bearer(Resign(BotTokens.Header("RS256", null), claims))],
            "kedaluwarsa" => [Bearer(Signed(With(claims, ("nbf", now.AddHours(-2).ToUnixTimeSeconds()), ("exp", now.AddMinutes(-6).ToUnixTimeSeconds()))))],
            "belum-berlaku" => [Bearer(Signed(With(claims, ("nbf", now.AddMinutes(6).ToUnixTimeSeconds()))))],
            "tanpa-exp" => [Bearer(Signed(Without(claims, "exp")))],
            "issuer-salah" => [Bearer(Signed(With(claims, ("iss", "https://sts.windows.net/7a1d4e2b-0000-4000-8000-00000000a001/"))))],
            "issuer-dengan-garis-miring" => [Bearer(Signed(With(claims, ("iss", "https://api.botframework.com/"))))],
            "audience-salah" => [Bearer(Signed(With(claims, ("aud", "99999999-0000-4000-8000-000000000001"))))],
            "tanpa-audience" => [Bearer(Signed(Without(claims, "aud")))],
            "tanpa-serviceurl" => [Bearer(Signed(Without(claims, "serviceurl")))],
            "serviceurl-berbeda" => [Bearer(Signed(With(claims, ("serviceurl", "https://attacker.example/amer/"))))],
            "kunci-tanpa-endorsements" => [Bearer(BotTokens.Rs(TestKeys.NoEndorsements, claims))],
            "endorsements-tanpa-msteams" => [Bearer(BotTokens.Rs(TestKeys.WebchatOnly, claims))],
            "token-untuk-kanal-lain" => [Bearer(t.Valid())],
            "aktivitas-tanpa-channelid" => [Bearer(t.Valid())],
            "tenant-tidak-diizinkan" => [Bearer(t.Valid())],
            "base64-rusak" => ["Bearer eyJ!!!.@@@###.$$$%%%"],
            "bukan-jwt" => ["Bearer dummy-secret-key"],
            "token-terpotong" => [Bearer(t.Valid()[..^20])],
            "tanda-tangan-diubah" => [Bearer(FlipSignature(t.Valid()))],
            "klaim-diubah-setelah-tanda-tangan" => [Bearer(SwapPayload(t.Valid(), With(claims, ("aud", "99999999-0000-4000-8000-000000000001"))))],
            "header-raksasa" => [Bearer(Signed(With(claims, ("padding", new string('a', 9000)))))],
            "dua-header-authorization" => [Bearer(t.Valid()), Bearer(t.Valid())],
            _ => throw new ArgumentOutOfRangeException(nameof(kasus), kasus, "unknown case"),
        };

        switch (kasus)
        {
            case "token-untuk-kanal-lain":
                activity["channelId"] = "directline"; // the key is endorsed for msteams, webchat, skype only
                break;
            case "aktivitas-tanpa-channelid":
                activity.Remove("channelId");
                break;
            case "tenant-tidak-diizinkan":
                activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "99999999-1111-4000-8000-00000000a001" } };
                activity["conversation"]!["tenantId"] = "99999999-1111-4000-8000-00000000a001";
                break;
            case "serviceurl-berbeda":
                activity["serviceUrl"] = BotTokens.TeamsServiceUrl; // the token names another one
                break;
        }

        return (authorization, activity);
    }

    private static JsonObject With(JsonObject claims, params (string Name, JsonNode? Value)[] values)
    {
        var copy = claims.DeepClone().AsObject();
        foreach (var (name, value) in values)
        {
            copy[name] = value;
        }

        return copy;
    }

    private static JsonObject Without(JsonObject claims, string name)
    {
        var copy = claims.DeepClone().AsObject();
        copy.Remove(name);
        return copy;
    }

    /// <summary>Signed by the Teams key, with a header of the test's choosing.</summary>
    private static string Resign(JsonObject header, JsonObject claims)
    {
        var unsigned = BotTokens.Unsigned(header, claims);
        var signature = TestKeys.Teams.Rsa.SignData(Encoding.ASCII.GetBytes(unsigned), System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        return unsigned + "." + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature);
    }

    private static string FlipSignature(string token)
    {
        var parts = token.Split('.');
        var signature = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[10] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(signature)}";
    }

    private static string SwapPayload(string token, JsonObject claims)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(claims.ToJsonString())}.{parts[2]}";
    }
}
