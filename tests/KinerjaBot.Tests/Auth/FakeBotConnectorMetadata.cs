using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace KinerjaBot.Tests.Auth;

/// <summary>
/// The Bot Connector's OpenID metadata and JWKS (login.botframework.com) at the HTTP edge: an
/// <see cref="HttpMessageHandler"/> given to the metadata's HttpClient, so the real retriever, https and all, runs
/// against it. Keys can be published, withdrawn, and the whole service taken down.
/// </summary>
public sealed class FakeBotConnectorMetadata : HttpMessageHandler
{
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string KeySetUrl = "https://login.botframework.test/v1/.well-known/keys";

    private readonly Lock _lock = new();
    private readonly List<(TestKey Key, string[]? Endorsements)> _keys = [];
    private int _metadataFetches;
    private int _keySetFetches;

    public enum Outage
    {
        None,
        Refused,
        ServerError,
        Garbage,
        EmptyKeySet,
    }

    public Outage Down { get; set; }

    /// <summary>Requests for the metadata document: one per fetch of the keys.</summary>
    public int MetadataFetches => Volatile.Read(ref _metadataFetches);

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    /// <summary>Publishes a key; <paramref name="endorsements"/> null leaves the member out.</summary>
    public FakeBotConnectorMetadata Publish(TestKey key, params string[]? endorsements)
    {
        lock (_lock)
        {
            _keys.Add((key, endorsements));
        }

        return this;
    }

    public FakeBotConnectorMetadata Withdraw(TestKey key)
    {
        lock (_lock)
        {
            _keys.RemoveAll(k => k.Key == key);
        }

        return this;
    }

    /// <summary>The keys Teams uses: endorsed for msteams, one without endorsements, one for other channels only.</summary>
    public static FakeBotConnectorMetadata Standard() => new FakeBotConnectorMetadata()
        .Publish(TestKeys.Teams, "msteams", "webchat", "skype")
        .Publish(TestKeys.NoEndorsements, null)
        .Publish(TestKeys.WebchatOnly, "webchat", "directline");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.GetLeftPart(UriPartial.Path);
        if (url == MetadataUrl)
        {
            Interlocked.Increment(ref _metadataFetches);
        }
        else if (url == KeySetUrl)
        {
            Interlocked.Increment(ref _keySetFetches);
        }

        switch (Down)
        {
            case Outage.Refused:
                throw new HttpRequestException("Connection refused (login.botframework.test:443)");
            case Outage.ServerError:
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("down") });
            case Outage.Garbage:
                return Task.FromResult(Json("<html>maintenance</html>"));
        }

        if (request.Method != HttpMethod.Get)
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.MethodNotAllowed));
        }

        return Task.FromResult(url switch
        {
            MetadataUrl => Json(new JsonObject
            {
                ["issuer"] = "https://api.botframework.com",
                ["authorization_endpoint"] = "https://invalid.botframework.com",
                ["jwks_uri"] = KeySetUrl,
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            }.ToJsonString()),
            KeySetUrl => Json(KeySet()),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });
    }

    private string KeySet()
    {
        var keys = new JsonArray();
        if (Down != Outage.EmptyKeySet)
        {
            lock (_lock)
            {
                foreach (var (key, endorsements) in _keys)
                {
                    keys.Add(Jwk(key, endorsements));
                }
            }
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A JWK the way login.botframework.com writes it.</summary>
    public static JsonObject Jwk(TestKey key, string[]? endorsements)
    {
        var parameters = key.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = key.Kid,
            ["x5t"] = Base64UrlEncoder.Encode(key.Certificate.GetCertHash()),
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus!),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent!),
            ["x5c"] = new JsonArray(Convert.ToBase64String(key.Certificate.RawData)),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode?)e).ToArray());
        }

        return jwk;
    }

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
