/** Japanese phrase pools for the sample tickets. */
import type { LanguagePhrases } from './types.js';

export const JA: LanguagePhrases = {
  greetings: ['お世話になっております。', 'サポートご担当者様', 'こんにちは。', 'いつもお世話になっております。'],
  closings: ['よろしくお願いいたします。', 'ご確認のほどよろしくお願いします。', '何卒よろしくお願い申し上げます。'],
  phoneLabels: ['電話:', '携帯:', '電話番号:'],
  agentReplies: [
    '{first}様、お問い合わせいただきありがとうございます。担当チームに共有いたしました。',
    '{first}様、詳細をお知らせいただきありがとうございます。確認のうえ、1営業日以内にご連絡いたします。',
  ],
  internalNotes: ['2023年からの顧客。過去のエスカレーションなし。', '重複チケットの可能性あり。確認してください。'],
  credentialLeadIns: {
    config: ['参考までに、こちらの設定です。\n\n{secret}'],
    token: ['連携にはトークン {secret} を使っていますが、毎回401になります。'],
    log: ['ログに残っているリクエストです。\n\n{secret}'],
    key: ['ファイルを添付できないため、鍵をそのまま貼り付けます。\n\n{secret}'],
    password: ['確認のためにログインが必要でしたら、password: {secret}'],
    leak: ['流出したのは次の値です。\n\n{secret}'],
  },
  piiSentences: {
    card: ['請求はカード {card} に行われました。', '登録しているカードは {card} です。'],
    iban: ['返金は口座 IBAN {iban} にお願いします。'],
    email2: ['{email2} にもご連絡いただけます。'],
    address: ['配送先は {address} です。', '住所: {address}'],
    phone2: ['折り返しは電話 {phone2} までお願いします。'],
  },
  terse: {
    shipping: ['注文{order}がまだ届きません', '荷物が届いていません'],
    account_access: ['ログインできません', 'アカウントがロックされました'],
  },
  categories: {
    billing: {
      scenarios: [
        {
          subjects: ['二重請求について', '料金が二回引き落とされました'],
          openings: ['{date}に{plan}プランの料金{amount}が二重に請求されました。'],
          details: ['どちらの請求も同じ請求書番号です。', 'アカウント画面では有効なサブスクリプションは一つだけです。'],
          asks: ['二重に請求された分の返金をお願いします。'],
        },
        {
          subjects: ['請求書{invoice}について', '請求金額が違います'],
          openings: ['最新の請求書（{invoice}）の金額が{amount}になっていますが、契約プランの料金と異なります。'],
        },
        {
          subjects: ['会社名義の請求書の発行'],
          openings: ['経理部門から、過去{n}か月分の請求書を会社名義で発行してほしいと依頼されています。'],
        },
      ],
      details: [],
      asks: ['請求内容をご確認のうえ、訂正をお願いします。'],
      followups: ['その後いかがでしょうか。請求がまだ明細に残っています。'],
    },
    refunds: {
      scenarios: [
        {
          subjects: ['注文{order}の返金について', '返品と返金のお願い'],
          openings: ['{date}に注文{order}の{product}を返品しましたので、返金をお願いします。'],
          details: ['返品の追跡番号は{tracking}です。'],
        },
        {
          subjects: ['返金がまだ届きません'],
          openings: ['{days}日前に返金すると連絡をいただきましたが、まだ入金がありません。'],
          asks: ['いつ返金されるか教えてください。'],
        },
        {
          subjects: ['故障品の返金'],
          openings: ['届いた製品が故障していたため返品しました。返金を希望します。'],
        },
      ],
      details: ['金額は{amount}でした。'],
      asks: ['できるだけ早く返金の手続きをお願いします。'],
      followups: ['まだ返金が確認できません。'],
    },
    technical_issue: {
      scenarios: [
        {
          subjects: ['{product}がオフラインになる'],
          openings: ['{product}が1日に何度もオフラインになり、そのたびに再起動が必要です。'],
          details: ['同じネットワークの他の機器は正常に動いています。'],
        },
        {
          subjects: ['アプリが読み込み中のまま進まない', 'ライブビューが表示されない'],
          openings: ['アプリをバージョン{version}に更新してから、{os}でライブビューが表示されません。'],
        },
        {
          subjects: ['ハブがWi-Fiに接続できない'],
          openings: ['初期設定がWi-Fiの手順で毎回失敗します。'],
        },
        {
          subjects: ['APIが{error}を返す'],
          openings: ['今朝からLumora Cloud APIの呼び出しが{error}で失敗しています。'],
        },
      ],
      details: ['ルーターと本体はすでに再起動しました。'],
      asks: ['復旧方法を教えていただけますか。', '既知の不具合でしょうか。'],
      followups: ['教えていただいた手順を試しましたが、改善しませんでした。'],
    },
    account_access: {
      scenarios: [
        {
          subjects: ['ログインできません'],
          openings: ['アカウントにログインできません。パスワードが違うと表示されます。'],
        },
        {
          subjects: ['パスワード再設定メールが届かない'],
          openings: ['パスワード再設定のメールが届きません。迷惑メールフォルダも確認しました。'],
        },
        {
          subjects: ['アカウントがロックされた'],
          openings: ['ログインを何度か試したところ、アカウントがロックされてしまいました。'],
          asks: ['アカウントのロックを解除してください。'],
        },
      ],
      details: ['ブラウザとアプリの両方で試しました。', '本人確認のためにハブのシリアル番号をお伝えできます。'],
      asks: ['どうすればログインできるようになりますか。'],
      followups: ['新しいリンクも期限切れになっていました。'],
    },
    shipping: {
      scenarios: [
        {
          subjects: ['注文{order}が届きません', '配送の遅れについて'],
          openings: ['{date}に{product}を注文しました（注文番号{order}）が、まだ届いていません。'],
        },
        {
          subjects: ['配達済みになっているが受け取っていない'],
          openings: ['追跡情報では配達済みになっていますが、荷物を受け取っていません。'],
          details: ['一日中在宅していました。'],
        },
        {
          subjects: ['追跡情報が更新されない'],
          openings: ['{carrier}の追跡番号{tracking}が1週間更新されていません。'],
        },
      ],
      details: ['配送業者は{carrier}です。'],
      asks: ['荷物の所在を確認していただけますか。', '代替品の発送をお願いします。'],
      followups: ['配送業者に問い合わせましたが、所在不明とのことでした。'],
    },
    cancellation: {
      scenarios: [
        {
          subjects: ['サブスクリプションの解約', '解約の申し込み'],
          openings: ['{plan}プランを今回の請求期間の終わりで解約したいです。'],
          details: ['主な理由は値上げです。'],
        },
        {
          subjects: ['自動更新の停止'],
          openings: ['自動更新を停止してください。{date}に再度請求されたくありません。'],
        },
        {
          subjects: ['アカウントの解約'],
          openings: ['デバイスを使わなくなったため、アカウントを解約したいです。'],
        },
      ],
      details: [],
      asks: ['解約の確認を書面でお送りください。', '今後請求が発生しないことを確認してください。'],
      followups: ['まだ解約確認のメールが届いていません。'],
    },
  },
};
