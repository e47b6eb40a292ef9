using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace KinerjaBot.Tests.Support;

/// <summary>One request the bot sent to the connector, with its body parsed.</summary>
public sealed record ConnectorRequest(HttpMethod Method, Uri Uri, string? Authorization, JsonNode? Body);

/// <summary>
/// The Bot Connector service at the edge we cannot reach, speaking its wire format: answers only the calls a test
/// expects (method + path) and fails the test on any other call. Every request is recorded.
/// </summary>
public sealed class RecordingConnector : HttpMessageHandler
{
    private readonly ConcurrentQueue<ConnectorRequest> _requests = new();
    private readonly List<(HttpMethod Method, Func<string, bool> Path, Func<ConnectorRequest, HttpResponseMessage> Respond)> _expected = [];
    private readonly ConcurrentQueue<string> _unexpected = new();
    private int _nextId;
    private Task _gate = Task.CompletedTask;

    public IReadOnlyCollection<ConnectorRequest> Requests => _requests;

    public IReadOnlyCollection<string> Unexpected => _unexpected;

    /// <summary>Answers <c>GET …/members/{userId}</c> with a Teams member.</summary>
    public RecordingConnector Member(string userId, string? email, string? upn = null, string? aadObjectId = null, string name = "Pengguna")
    {
        _expected.Add((HttpMethod.Get, p => p.EndsWith($"/members/{Uri.EscapeDataString(userId)}", StringComparison.Ordinal), _ => Json(HttpStatusCode.OK, new JsonObject
        {
            ["id"] = userId,
            ["name"] = name,
            ["aadObjectId"] = aadObjectId,
            ["email"] = email,
            ["userPrincipalName"] = upn ?? email,
            ["userRole"] = "user",
        })));
        return this;
    }

    /// <summary>Answers the member lookup of a driver's person with their demo e-mail and AAD id.</summary>
    public RecordingConnector Member(ActivityDriver orang) =>
        Member(orang.UserId, orang.Email, aadObjectId: orang.AadObjectId, name: orang.UserName);

    public RecordingConnector UnknownMember(string userId)
    {
        _expected.Add((HttpMethod.Get, p => p.EndsWith($"/members/{Uri.EscapeDataString(userId)}", StringComparison.Ordinal),
            _ => Json(HttpStatusCode.NotFound, new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "not found" } })));
        return this;
    }

    /// <summary>Accepts replies and sends to any conversation (201 with a fresh id).</summary>
    public RecordingConnector AcceptActivities()
    {
        _expected.Add((HttpMethod.Post, p => p.Contains("/v3/conversations/", StringComparison.Ordinal) && p.Contains("/activities", StringComparison.Ordinal),
            _ => Json(HttpStatusCode.Created, new JsonObject { ["id"] = $"activity-{Interlocked.Increment(ref _nextId)}" })));
        return this;
    }

    public RecordingConnector AcceptUpdates()
    {
        _expected.Add((HttpMethod.Put, p => p.Contains("/activities/", StringComparison.Ordinal),
            r => Json(HttpStatusCode.OK, new JsonObject { ["id"] = r.Uri.Segments[^1] })));
        return this;
    }

    /// <summary>Answers <c>POST /v3/conversations</c> with the given personal conversation id.</summary>
    public RecordingConnector CreatesConversation(string conversationId)
    {
        _expected.Add((HttpMethod.Post, p => p.EndsWith("/v3/conversations", StringComparison.Ordinal),
            _ => Json(HttpStatusCode.Created, new JsonObject { ["id"] = conversationId })));
        return this;
    }

    /// <summary>Holds every answer until <paramref name="gate"/> completes: a slow connector (requests are recorded at once).</summary>
    public RecordingConnector BlockUntil(Task gate)
    {
        _gate = gate;
        return this;
    }

    /// <summary>Refuses <c>POST /v3/conversations</c> (creating the personal chat) with the given error.</summary>
    public RecordingConnector RefusesNewConversation(HttpStatusCode status, string code)
    {
        _expected.Insert(0, (HttpMethod.Post, p => p.EndsWith("/v3/conversations", StringComparison.Ordinal),
            _ => Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } })));
        return this;
    }

    public RecordingConnector Fails(HttpMethod method, string pathContains, HttpStatusCode status, string code)
    {
        _expected.Insert(0, (method, p => p.Contains(pathContains, StringComparison.Ordinal),
            _ => Json(status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = code } })));
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        JsonNode? body = null;
        if (request.Content is not null)
        {
            var text = await request.Content.ReadAsStringAsync(cancellationToken);
            body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        }

        var recorded = new ConnectorRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        _requests.Enqueue(recorded);
        await _gate.WaitAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        foreach (var (method, matches, respond) in _expected)
        {
            if (method == request.Method && matches(path))
            {
                return respond(recorded);
            }
        }

        // 501, not 500: the client retries a GET after a 500 with backoff on the test's frozen clock, which would hang.
        _unexpected.Enqueue($"{request.Method} {request.RequestUri}");
        return Json(HttpStatusCode.NotImplemented, new JsonObject { ["error"] = new JsonObject { ["code"] = "UnexpectedCall" } });
    }

    public void AssertNoUnexpectedCalls() =>
        Assert.True(_unexpected.IsEmpty, "Unexpected connector calls: " + string.Join("; ", _unexpected));

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
}
