using System.Net;
using System.Text.Json.Nodes;
using KinerjaBot.Protocol;
using KinerjaBot.Protocol.Connector;

namespace KinerjaBot.Tests.Connector;

/// <summary>The five operations on the wire (botframework-protocol.md §2.2).</summary>
public sealed class ConnectorOperationTests
{
    [Fact]
    public async Task Balas_PostKeAktivitasYangDibalas_JsonCamelCase()
    {
        using var h = ConnectorHarness.Development();

        var sent = await h.Client.ReplyToActivityAsync(ConnectorHarness.Loopback + "/", "a:1pL6/x", "1485983408511", ConnectorHarness.Pesan("a:1pL6/x", text: "Nilai Anda 91,00"), CancellationToken.None);

        var r = Assert.Single(h.Connector.Requests);
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.Equal("/_connector/v3/conversations/a%3A1pL6%2Fx/activities/1485983408511", r.Uri.AbsolutePath);
        Assert.Equal("application/json; charset=utf-8", r.ContentType);
        Assert.Equal("Nilai Anda 91,00", r.Body!["text"]!.GetValue<string>());
        Assert.Equal("message", r.Body["type"]!.GetValue<string>());
        Assert.Equal("activity-1", sent.Id);
    }

    [Fact]
    public async Task KirimKePercakapan_Playground202TanpaIsi_IdKosong()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => new HttpResponseMessage(HttpStatusCode.Accepted));

        var sent = await h.Kirim("a:personal");

        Assert.Null(sent.Id);
        Assert.EndsWith("/v3/conversations/a%3Apersonal/activities", Assert.Single(h.Connector.Requests).Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ubah_PutDenganIdDanJenis()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Json(HttpStatusCode.OK, new JsonObject { ["id"] = "card-77" }));
        var card = new Activity { Conversation = new ConversationAccount { Id = "a:personal" } };

        var updated = await h.Client.UpdateActivityAsync(ConnectorHarness.Loopback, "a:personal", "card-77", card, CancellationToken.None);

        var r = Assert.Single(h.Connector.Requests);
        Assert.Equal(HttpMethod.Put, r.Method);
        Assert.EndsWith("/activities/card-77", r.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(("card-77", "message"), (r.Body!["id"]!.GetValue<string>(), r.Body["type"]!.GetValue<string>()));
        Assert.Equal("card-77", updated.Id);
    }

    [Fact]
    public async Task BuatPercakapanPribadi_BentukConversationParameters()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Json(HttpStatusCode.Created, new JsonObject { ["id"] = "a:personal-bagus", ["serviceUrl"] = "http://localhost:56150/_connector" }));

        var created = await h.Client.CreatePersonalConversationAsync(ConnectorHarness.Loopback, "7a1d4e2b-0000-4000-8000-052003121004", ConnectorHarness.Tenant, "28:bot-id", CancellationToken.None);

        var r = Assert.Single(h.Connector.Requests);
        Assert.Equal(HttpMethod.Post, r.Method);
        Assert.EndsWith("/_connector/v3/conversations", r.Uri.AbsolutePath, StringComparison.Ordinal);
        var body = r.Body!.AsObject();
        Assert.False(body["isGroup"]!.GetValue<bool>());
        Assert.Equal("28:bot-id", body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal("7a1d4e2b-0000-4000-8000-052003121004", Assert.Single(body["members"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Null(body["members"]![0]!["aadObjectId"]); // 400 when the AAD id is put there (msteams-docs #14079)
        Assert.Equal(ConnectorHarness.Tenant, body["tenantId"]!.GetValue<string>());
        Assert.Equal(ConnectorHarness.Tenant, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(("a:personal-bagus", "http://localhost:56150/_connector"), (created.Id, created.ServiceUrl));
    }

    [Fact]
    public async Task BuatPercakapan_TanpaId_InvalidResponse()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => new HttpResponseMessage(HttpStatusCode.Accepted));

        var e = await Assert.ThrowsAsync<ConnectorException>(() =>
            h.Client.CreatePersonalConversationAsync(ConnectorHarness.Loopback, "29:bagus", null, null, CancellationToken.None));

        Assert.Equal(ConnectorErrorKind.InvalidResponse, e.Kind);
    }

    [Theory]
    [InlineData("aadObjectId")]
    [InlineData("objectId")]
    public async Task AmbilAnggota_IdAadDariKeduaNamaField(string field)
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Json(HttpStatusCode.OK, new JsonObject
        {
            ["id"] = "29:bagus",
            ["name"] = "Bagus Prasetyo Nugroho",
            [field] = "7a1d4e2b-0000-4000-8000-052003121004",
            ["email"] = "bagus.nugroho@kemenkeu.example",
            ["userPrincipalName"] = "bagus.nugroho@kemenkeu.example",
            ["tenantId"] = ConnectorHarness.Tenant,
            ["userRole"] = "user",
        }));

        var member = await h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:bagus", CancellationToken.None);

        Assert.Equal("7a1d4e2b-0000-4000-8000-052003121004", member!.AadId);
        Assert.Equal("bagus.nugroho@kemenkeu.example", member.Email);
        var r = Assert.Single(h.Connector.Requests);
        Assert.Equal(HttpMethod.Get, r.Method);
        Assert.EndsWith("/v3/conversations/a%3Apersonal/members/29%3Abagus", r.Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Null(r.Body);
    }

    [Fact]
    public async Task AmbilAnggota_404_Null()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Error(HttpStatusCode.NotFound, "MemberNotFoundInConversation"));

        Assert.Null(await h.Client.GetMemberAsync(ConnectorHarness.Loopback, "a:personal", "29:orang-lain", CancellationToken.None));
        Assert.Equal(1, h.Connector.Count);
    }

    [Fact]
    public async Task JawabanSuksesBukanJson_InvalidResponse()
    {
        using var h = ConnectorHarness.Development();
        h.Connector.Sequence(() => FakeConnector.Raw(HttpStatusCode.Created, "<html>ok</html>"));

        var e = await Assert.ThrowsAsync<ConnectorException>(() => h.Kirim("a:personal"));

        Assert.Equal(ConnectorErrorKind.InvalidResponse, e.Kind);
    }
}
