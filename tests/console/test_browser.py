"""The console in Debian's Chromium (playwright), against a live uvicorn on a free loopback port
with the session's model, a tmp database and a copy of data/: an agent logs in and handles two
conversations with the keyboard alone, the API's conversation log shows what the page recorded,
a draft needing approval asks first, a trainer labels a review
item, another shop's agent sees nothing, a POST without its CSRF token is refused, and repeated
bad passwords lock the login."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import expect, sync_playwright

from api.main import create_app
from tests.api.training_helpers import copy_data
from tests.console.conftest import APPROVAL_TEXT, PASSWORD, record_approval_draft
from tests.console.live import VIEWPORT, launch_chromium, live_server

WAIT_MS = 20_000
# bounded waits, generous for a busy machine
expect.set_options(timeout=WAIT_MS)


@pytest.fixture
def base_url(settings, nlu_model, clock, tmp_path, agent, rival_agent, trainer):
    settings.data_dir = copy_data(tmp_path)
    settings.models_dir = tmp_path / "models"
    with live_server(create_app(settings, nlu=nlu_model, clock=clock)) as url:
        yield url


@pytest.fixture
def browser():
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        yield browser
        browser.close()


def new_page(browser, base_url):
    context = browser.new_context(viewport=VIEWPORT, base_url=base_url, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def log_in(page, name: str, password: str = PASSWORD) -> None:
    page.goto("/console/login")
    page.get_by_label("用户名").fill(name)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def tactics_and_texts(page) -> list[tuple[str, str]]:
    cards = page.locator(".draft")
    return [
        (cards.nth(at).locator(".tactic code").inner_text(), texts)
        for at, texts in enumerate(cards.locator(".draft-text").all_inner_texts())
    ]


def submit(page, key: str) -> None:
    """A key that posts a form or follows a link; returns once the next page has loaded."""
    with page.expect_navigation():
        page.keyboard.press(key)


def test_an_agent_handles_two_conversations_with_the_keyboard_alone(browser, base_url, demo, clock):
    """`make run`'s promise: log in, paste, accept, edit, reject and move on without the mouse."""
    page = new_page(browser, base_url)
    page.goto("/console")
    expect(page).to_have_url(f"{base_url}/console/login")
    expect(page.get_by_label("用户名")).to_be_focused()
    page.keyboard.type("xiaowang")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    submit(page, "Enter")
    expect(page).to_have_url(f"{base_url}/console/inbox")

    # n: a new conversation, its id typed, Tab to the message, Ctrl+Enter asks for drafts
    page.keyboard.press("n")
    expect(page.get_by_label("会话编号")).to_be_focused()
    page.keyboard.type("c-first")
    page.keyboard.press("Tab")
    page.keyboard.type("太贵了，能送点赠品吗")
    submit(page, "Control+Enter")
    expect(page).to_have_url(f"{base_url}/console/conversations/c-first")
    expect(page.locator(".understanding .intent")).to_contain_text("嫌贵砍价")
    drafts = tactics_and_texts(page)
    assert [tactic for tactic, _ in drafts] == ["gift", "coupon", "service_value"]
    texts = [text for _, text in drafts]
    cards = page.locator(".draft")

    # 3 then Enter: accepted and copied, the next open card takes the focus
    page.keyboard.press("3")
    expect(cards.nth(2)).to_be_focused()
    submit(page, "Enter")
    expect(page.locator("#flash")).to_have_text("已采用，文本已复制到剪贴板")
    assert page.evaluate("navigator.clipboard.readText()") == texts[2]
    expect(cards.nth(0)).to_be_focused()

    # 2, e: the caret waits at the end of the draft; Ctrl+Enter sends the edited text
    page.keyboard.press("2")
    page.keyboard.press("e")
    expect(cards.nth(1).locator("textarea")).to_be_focused()
    page.keyboard.type("今天拍下今天发")
    submit(page, "Control+Enter")
    expect(page.locator("#flash")).to_have_text("已记录编辑，文本已复制到剪贴板")
    expect(cards.nth(1).locator(".verdict")).to_contain_text(
        f"已编辑后发送：{texts[1]}今天拍下今天发"
    )

    # 1, r: the reason list has the focus, ArrowDown picks the second reason, Enter confirms
    page.keyboard.press("1")
    page.keyboard.press("r")
    expect(cards.nth(0).locator("select")).to_be_focused()
    page.keyboard.press("ArrowDown")
    submit(page, "Enter")
    expect(page.locator("#flash")).to_have_text("已拒绝并记录原因")
    expect(cards.nth(0).locator(".verdict")).to_contain_text("已拒绝（原因：信息不准确）")
    expect(page.locator(".all-handled")).to_contain_text("这条消息已处理完")
    page.keyboard.press("Enter")
    expect(page.locator("#flash")).to_have_text(
        "这条消息的草稿都已处理。按 j 去下一个会话，或按 / 粘贴买家的新消息。"
    )

    # a second conversation, a minute later, so the inbox order is fixed: c-second, c-first
    clock.advance(minutes=1)
    submit(page, "n")
    expect(page.get_by_label("会话编号")).to_be_focused()
    page.keyboard.type("c-second")
    page.keyboard.press("Tab")
    page.keyboard.type("今天能发货吗")
    submit(page, "Control+Enter")
    expect(page).to_have_url(f"{base_url}/console/conversations/c-second")
    shipping = tactics_and_texts(page)[0]
    submit(page, "Enter")
    expect(cards.nth(0).locator(".verdict")).to_contain_text("已采用")

    # k at the top says so; j and k move between the two conversations
    page.keyboard.press("k")
    expect(page.locator("#flash")).to_have_text("已经是第一个会话。")
    submit(page, "j")
    expect(page).to_have_url(f"{base_url}/console/conversations/c-first")
    submit(page, "k")
    expect(page).to_have_url(f"{base_url}/console/conversations/c-second")
    # the inbox: the newest conversation is selected, j moves down, Enter opens
    submit(page, "n")
    page.keyboard.press("Escape")
    page.keyboard.press("j")
    submit(page, "Enter")
    expect(page).to_have_url(f"{base_url}/console/conversations/c-first")

    def logged(conversation: str) -> list[list[tuple]]:
        answer = httpx.get(f"{base_url}/v1/conversations/{conversation}", headers=demo).json()
        return [
            [(f["action"], f["draft_text"], f["final_text"], f["agent_id"]) for f in m["feedback"]]
            for m in answer["messages"]
        ]

    assert logged("c-first") == [
        [
            ("accepted", texts[2], texts[2], "xiaowang"),
            ("edited", texts[1], f"{texts[1]}今天拍下今天发", "xiaowang"),
            ("rejected", texts[0], None, "xiaowang"),
        ]
    ]
    assert logged("c-second") == [[("accepted", shipping[1], shipping[1], "xiaowang")]]


def test_a_draft_needing_approval_asks_for_the_supervisor_first(
    browser, base_url, demo, settings, clock
):
    record_approval_draft(settings, clock.now, "c-approval")
    page = new_page(browser, base_url)
    questions: list[str] = []
    page.on("dialog", lambda dialog: questions.append(dialog.message))
    log_in(page, "xiaowang")
    page.goto("/console/conversations/c-approval")
    card = page.locator(".draft").first
    expect(card.locator(".badge.approval")).to_have_text("需主管批准")
    page.keyboard.press("1")
    page.keyboard.press("Enter")
    expect(card.locator(".verdict")).to_contain_text("已采用")
    assert questions == ["这条草稿超出客服权限，需要主管批准。主管已经批准发送了吗？"]
    logged = httpx.get(f"{base_url}/v1/conversations/c-approval", headers=demo).json()
    assert logged["messages"][0]["feedback"][0]["final_text"] == APPROVAL_TEXT


def test_another_shop_sees_nothing_and_a_trainer_labels_from_the_queue(browser, base_url, settings):
    agent = new_page(browser, base_url)
    log_in(agent, "xiaowang")
    for conversation, message in (("c-private", "这个怎么弄"), ("c-private-2", "嗯嗯嗯")):
        agent.goto("/console/inbox")
        agent.get_by_label("会话编号").fill(conversation)
        agent.get_by_label("买家消息").fill(message)
        agent.keyboard.press("Control+Enter")
        expect(agent.locator(".draft").first).to_be_visible()
        # a rejected draft puts its message in the trainers' review queue
        agent.keyboard.press("1")
        agent.keyboard.press("r")
        agent.keyboard.press("Tab")
        agent.keyboard.press("Enter")
        expect(agent.locator(".draft .verdict").first).to_contain_text("已拒绝")

    rival = new_page(browser, base_url)
    log_in(rival, "duishou")
    expect(rival.locator(".conversations .empty")).to_be_visible()
    assert "c-private" not in rival.content()
    rival.goto("/console/conversations/c-private")
    expect(rival.locator(".problem")).to_contain_text("没有编号为 c-private 的会话。")

    trainer = new_page(browser, base_url)
    log_in(trainer, "laoshi")
    expect(trainer).to_have_url(f"{base_url}/console/training/review")
    item = trainer.locator(".review-item", has_text="这个怎么弄")
    expect(item).to_be_visible()
    item.locator("select").select_option("ask_product_info")
    item.get_by_role("button", name="标注").click()
    expect(trainer.locator(".review-item", has_text="这个怎么弄")).to_have_count(0)
    # the remaining item is selected; y confirms the predicted intent
    remaining = trainer.locator(".review-item", has_text="嗯嗯嗯")
    predicted = remaining.locator(".confirm-form input[name=intent]").get_attribute("value")
    expect(remaining).to_have_class("review-item selected")
    trainer.keyboard.press("y")
    expect(trainer.locator(".review-item", has_text="嗯嗯嗯")).to_have_count(0)
    examples = (settings.data_dir / "nlu" / "trainer.yml").read_text(encoding="utf-8")
    assert "intent: ask_product_info" in examples and "这个怎么弄" in examples
    assert f"intent: {predicted}" in examples and "嗯嗯嗯" in examples


def test_a_post_without_the_csrf_token_is_refused(browser, base_url):
    page = new_page(browser, base_url)
    log_in(page, "xiaowang")
    form = {"conversation_id": "forged", "message": "能便宜点吗"}
    response = page.request.post("/console/messages", form=form)
    assert response.status == 403
    assert "CSRF" in response.text()
    page.goto("/console/inbox")
    assert "forged" not in page.content()


def test_repeated_bad_passwords_lock_the_login(browser, base_url):
    page = new_page(browser, base_url)
    for _ in range(4):
        log_in(page, "xiaowang", "wrong-password")
        expect(page.locator(".error")).to_have_text("用户名或密码不正确。")
    log_in(page, "xiaowang", "wrong-password")
    log_in(page, "xiaowang")
    expect(page.locator(".error")).to_have_text(
        "登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试。"
    )
    expect(page).to_have_url(f"{base_url}/console/login")
