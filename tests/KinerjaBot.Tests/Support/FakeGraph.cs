using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kinerja.Testing;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace KinerjaBot.Tests.Support;

/// <summary>One request the Graph SDK sent, with its decoded path and query and its parsed body.</summary>
public sealed record GraphRequest(HttpMethod Method, string Path, string Query, JsonNode? Body);

/// <summary>
/// Microsoft Graph at the edge we cannot reach: serves the recorded v1.0 answers in <c>tests/fixtures/graph/</c>
/// to the real SDK (botframework-protocol.md §5.4). Answers only the calls a test declares (method, decoded path
/// and a check of the decoded query); any other call is recorded as unexpected and answered 500.
/// </summary>
public sealed class FakeGraph : HttpMessageHandler
{
    public const string BaseUrl = "https://graph.microsoft.com/v1.0";

    private readonly List<(HttpMethod Method, string Path, Func<string, bool> Query, HttpStatusCode Status, string? File)> _routes = [];
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentQueue<string> _unexpected = new();

    public IReadOnlyCollection<GraphRequest> Requests => _requests;

    public static string Fixture(string file) => Path.Combine(RepoPaths.Fixtures, "graph", file);

    /// <summary>The SDK client as the tests use it: real serialisation and request builders, no auth, no middleware.</summary>
    public GraphServiceClient Client() => new(new HttpClient(this), new AnonymousAuthenticationProvider(), BaseUrl);

    public FakeGraph Get(string path, string file, Func<string, bool>? query = null, HttpStatusCode status = HttpStatusCode.OK) =>
        Route(HttpMethod.Get, path, file, query, status);

    public FakeGraph Post(string path, HttpStatusCode status, string? file = null) => Route(HttpMethod.Post, path, file, null, status);

    public FakeGraph Route(HttpMethod method, string path, string? file, Func<string, bool>? query, HttpStatusCode status)
    {
        _routes.Add((method, "/v1.0" + path, query ?? (_ => true), status, file));
        return this;
    }

    public void AssertNoUnexpectedCalls() =>
        Assert.True(_unexpected.IsEmpty, "Unexpected Graph calls: " + string.Join("; ", _unexpected));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        JsonNode? body = null;
        if (request.Content is not null)
        {
            var text = await request.Content.ReadAsStringAsync(cancellationToken);
            body = string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text);
        }

        var uri = request.RequestUri!;
        var path = Uri.UnescapeDataString(uri.AbsolutePath);
        var query = Uri.UnescapeDataString(uri.Query.Replace('+', ' '));
        _requests.Enqueue(new GraphRequest(request.Method, path, query, body));
        foreach (var (method, routePath, matches, status, file) in _routes)
        {
            if (method == request.Method && string.Equals(path, routePath, StringComparison.OrdinalIgnoreCase) && matches(query))
            {
                var response = new HttpResponseMessage(status) { RequestMessage = request };
                response.Headers.Add("request-id", Guid.NewGuid().ToString());
                response.Content = file is null
                    ? new ByteArrayContent([])
                    : new StringContent(await File.ReadAllTextAsync(Fixture(file), cancellationToken), Encoding.UTF8, "application/json");
                if (file is not null)
                {
                    // What Graph sends; the SDK must pick its JSON parser from it.
                    response.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
                        "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
                }

                return response;
            }
        }

        _unexpected.Enqueue($"{request.Method} {path}{query}");
        return new HttpResponseMessage(HttpStatusCode.InternalServerError)
        {
            Content = new StringContent("""{"error":{"code":"UnexpectedCall","message":"not declared by the test"}}""", Encoding.UTF8, "application/json"),
        };
    }
}
