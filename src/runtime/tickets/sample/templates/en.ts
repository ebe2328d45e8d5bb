/** English phrase pools for the sample tickets (Lumora: smart-home devices, app and cloud API). */
import type { LanguagePhrases } from './types.js';

export const EN: LanguagePhrases = {
  greetings: ['Hi,', 'Hello,', 'Hi there,', 'Hello support team,', 'Dear Lumora Support,', 'Hey,', 'Good morning,', 'Hi team,'],
  closings: ['Thanks,', 'Thanks in advance,', 'Best regards,', 'Kind regards,', 'Cheers,', 'Thank you,', 'Regards,', 'Many thanks,'],
  phoneLabels: ['Phone:', 'Tel:', 'Mobile:', 'Cell:', 'Phone'],
  agentReplies: [
    'Hi {first}, thanks for reaching out. I have passed this on to the right team and we will get back to you shortly.',
    'Hello {first}, thank you for the details. Could you confirm the email address on the account so we can look into it?',
    'Hi {first}, sorry for the trouble. We are looking into this now and will update you within one business day.',
    'Thanks {first}. I can see the account; one of my colleagues will follow up with the next steps.',
  ],
  internalNotes: [
    'Checked the account: customer since 2021, no previous escalations.',
    'Possible duplicate of an earlier ticket from the same requester; leaving open for routing.',
    'Customer is on an annual plan. Please double-check before making changes.',
    'Tried to reproduce on staging, no luck so far.',
    'Phone call scheduled with the customer for tomorrow morning.',
  ],
  credentialLeadIns: {
    config: [
      'Here is the configuration we are using, in case it helps:\n\n{secret}',
      'Our setup (copied straight from the .env file):\n\n{secret}',
      'This is what the integration settings look like on our side:\n\n{secret}',
    ],
    token: [
      'The call authenticates with the token {secret} and returns 401 every time.',
      'I regenerated the token twice already, the current one is {secret} if you want to check it on your side.',
      'For reference, the integration uses {secret}.',
    ],
    log: [
      'Here is the request from our logs:\n\n{secret}',
      'Full request and response below:\n\n{secret}',
    ],
    key: [
      'The attachment upload keeps failing, so here is the device key pasted as text:\n\n{secret}',
      'This is the key the gateway was provisioned with:\n\n{secret}',
    ],
    password: [
      'If you need to log in to check, the password is: {secret}',
      'I set a temporary password so you can have a look. Password: {secret}',
      'My login is the usual email and the password = {secret} (I will change it afterwards).',
    ],
    leak: [
      'This is the value that was exposed:\n\n{secret}',
      'The leaked credential is {secret}. Please revoke it.',
    ],
  },
  piiSentences: {
    card: [
      'The charge went to my card {card}.',
      'The card on file is {card}, expiry 09/27.',
      'I paid with the card ending in {last4} (full number {card}).',
    ],
    iban: [
      'Please send the money back to my bank account, IBAN {iban}.',
      'You can refund to IBAN {iban} if the card refund is a problem.',
      'Our company account for refunds is IBAN {iban}.',
    ],
    email2: [
      'You can also reach me at {email2}.',
      'Please copy my colleague at {email2} on replies.',
      'My old address was {email2} in case the account is still under that one.',
    ],
    address: [
      'The delivery address is {address}.',
      'Shipping address: {address}',
      'I live at {address}, in case you need it for the replacement.',
    ],
    phone2: [
      'Best number to call me back is {phone2}.',
      'If it is easier, call me on my mobile: {phone2}.',
    ],
  },
  terse: {
    account_access: ['cant log in. reset link never arrives. help', 'locked out of my account again??', 'my 2fa codes dont work anymore'],
    shipping: ['where is my order {order}', 'package says delivered but its not here', 'order {order} still not shipped??'],
    billing: ['why was i charged twice this month', 'need an invoice with our VAT number pls', 'charged {amount} but my plan is cheaper?'],
    technical_issue: ['hub offline since this morning', 'app keeps crashing on startup', 'camera wont connect to wifi'],
    cancellation: ['cancel my subscription please', 'how do i cancel', 'please stop auto renewal'],
    refunds: ['want my money back for order {order}', 'refund status?', 'still waiting on refund'],
  },
  categories: {
    billing: {
      scenarios: [
        {
          subjects: ['Charged twice for {plan} plan', 'Double charge this month', 'Duplicate payment on {date}'],
          openings: [
            'I was charged {amount} twice on {date} for the {plan} subscription.',
            'My bank statement shows two identical payments of {amount} to Lumora this month.',
          ],
          details: ['Both charges show the same invoice number.', 'I checked the billing page and it only lists one active subscription.'],
          asks: ['I would like the duplicate charge reversed.'],
        },
        {
          subjects: ['Question about invoice {invoice}', 'Wrong amount on my bill', 'Invoice amount does not match plan'],
          openings: [
            'My latest invoice ({invoice}) shows {amount}, but the {plan} plan should be cheaper than that.',
            'The amount on invoice {invoice} is {amount2} higher than last month and I did not change anything.',
          ],
          details: ['The email receipt says one thing and the account page says another.'],
          asks: ['Could you explain the difference and correct the invoice?'],
        },
        {
          subjects: ['Invoice needs our VAT ID', 'Company details missing on invoices', 'Invoices for our accounts department'],
          openings: [
            'Our finance team needs the invoices for the last {n} months with our company VAT number on them.',
            'The invoices are issued to my name instead of our company, {company}, and our accountant cannot book them.',
          ],
          details: ['We are a business customer and have been on the same plan for two years.', 'Our accountant flagged this during the quarterly close.'],
          asks: ['Could you send corrected invoices with the VAT ID?'],
        },
        {
          subjects: ['Unexpected charge of {amount}', 'Unknown charge from Lumora', 'What is this charge?'],
          openings: [
            'There is a charge of {amount} on my statement from Lumora that I do not recognise.',
            'I see a payment to "LUMORA*CLOUD" for {amount} on {date}, but I only have the free plan.',
          ],
          asks: ['Please explain what this charge is for.'],
        },
        {
          subjects: ['Pro-rated charge after upgrade', 'Upgrade charged the full price'],
          openings: [
            'I upgraded from Basic to {plan} in the middle of the month and the pro-rated charge looks wrong.',
            'After upgrading to {plan} on {date} I was charged the full monthly price instead of the difference.',
          ],
          asks: ['Can someone from billing recalculate the upgrade charge?'],
        },
        {
          subjects: ['Payment failed but card is fine', 'Subscription payment declined', 'Billing error on renewal'],
          openings: [
            'The payment for my subscription failed, but my bank says the card works and nothing was blocked.',
            'The renewal of the {plan} plan was declined twice and now the account shows a payment warning.',
          ],
          details: ['I tried to update the payment method in the app but the page just reloads.'],
        },
        {
          subjects: ['Still billed monthly after switching to annual', 'Billing cycle wrong'],
          openings: ['I switched to annual billing last month and I am still being billed monthly.'],
          asks: ['Please fix the billing cycle so we are only charged once a year.'],
        },
        {
          subjects: ['Need to update billing details', 'Change card and billing address'],
          openings: ['I need to change the card and the billing address on our account.', 'Our company card changes next month and I cannot find where to update the payment method.'],
        },
      ],
      details: [
        'The charge is listed as pending and then posted again two days later.',
        'I have been a customer for several years and this never happened before.',
      ],
      asks: ['Can you check the billing and correct it?', 'Can someone from billing look at the account?'],
      followups: [
        'Any update on this? The charge is still on my statement.',
        'I attached the bank statement showing both payments.',
        'Our finance team is asking again, could you please look at the invoice?',
      ],
      asides: ['Unrelated, but my last invoice also looked higher than usual.', 'Also, could you send me the invoice for last month?'],
    },
    refunds: {
      scenarios: [
        {
          subjects: ['Refund request for order {order}', 'Return and refund for {product}', 'Returned {product}, want refund'],
          openings: [
            'I returned the {product} from order {order} on {date} and would like a refund.',
            'The return label says the parcel reached your warehouse on {date}, but the refund for order {order} is still pending.',
          ],
          details: ['The return tracking number is {tracking}.', 'The item was unused and still in the original packaging.', 'I have the RMA number from your returns portal.'],
        },
        {
          subjects: ['Still waiting for my refund', 'Refund not received after {days} days', 'Where is my refund?'],
          openings: [
            'I was promised a refund {days} days ago and nothing has arrived yet.',
            'The refund status in my account has said "processing" for over a week.',
          ],
          details: ['My bank says no refund has been initiated from your side.', 'I was told refunds take five to seven business days, and it has been longer than that.'],
          asks: ['Can you tell me where my refund is?'],
        },
        {
          subjects: ['Money back please - defective {product}', 'Defective {product}, requesting refund'],
          openings: ['The {product} stopped working after a week, I sent it back and want my money back.', 'The {product} arrived dead on arrival and I would rather have a refund than a replacement.'],
        },
        {
          subjects: ['Refund for trial charge', 'Charged after cancelling trial - refund please'],
          openings: ['I cancelled within the 30-day trial but was still charged {amount}, so I am requesting a refund.'],
        },
        {
          subjects: ['Refund for wrong plan purchase', 'Bought yearly plan by mistake'],
          openings: ['I accidentally bought the yearly {plan} plan instead of the monthly one and would like a refund for the difference.'],
          details: ['I noticed the mistake within an hour of buying.'],
        },
        {
          subjects: ['Refund promised by your agent', 'Follow-up on refund agreed by phone'],
          openings: ['Your agent {agent} confirmed on the phone that I would get a full refund for order {order}.'],
          details: ['That was almost two weeks ago.'],
        },
        {
          subjects: ['Return a gift for refund', 'Refund for unused gift'],
          openings: ['I would like to return the {product} I received as a gift and get a refund.'],
        },
      ],
      details: ['The amount was {amount}.'],
      asks: [
        'Please process the refund as soon as possible.',
        'Could you confirm when the refund will be issued?',
        'I would like a full refund to the original payment method.',
        'Please let me know if you need anything else to approve the refund.',
      ],
      followups: ['Still no refund. This is getting frustrating.', 'The bank confirmed nothing came in yet. Please check the refund again.', 'Thanks, I can see the refund is pending now.'],
      asides: ['I am also still waiting for the refund from my previous return.'],
    },
    technical_issue: {
      scenarios: [
        {
          subjects: ['{product} keeps going offline', '{product} disconnects several times a day', 'Device offline again'],
          openings: ['My {product} goes offline several times a day and I have to unplug it to get it back.', 'Since {date} the {product} drops off the network every few hours.'],
          details: ['Other devices on the same network work fine.', 'It happens on both the 2.4 GHz and 5 GHz networks.'],
        },
        {
          subjects: ['Camera live view not loading', 'Live view stuck on loading after update', 'App stuck on loading screen'],
          openings: ['Since the update to app version {version} the live view does not load on {os}.', 'The app hangs on the loading screen when I open the camera tab.'],
          details: ['I am on {os} with the latest version of the app.'],
        },
        {
          subjects: ['Sync with {integration} stopped working', '{integration} integration broken'],
          openings: ['The {integration} integration stopped syncing on {date} and shows {error}.', 'Our {integration} automations stopped receiving device events this week.'],
          details: ['Reconnecting the integration did not help.'],
        },
        {
          subjects: ['API returns {error}', 'Cloud API errors since this morning', 'Webhook deliveries failing'],
          openings: [
            'Our calls to the Lumora Cloud API started failing with {error} this morning.',
            'The webhook endpoint we registered stopped receiving events.',
          ],
          details: ['We did not change anything in our integration code.', 'The status page says everything is operational.'],
        },
        {
          subjects: ['Device firmware update failed', 'Firmware update stuck at 80%'],
          openings: ['The firmware update on the {product} got stuck at 80% and now the light is blinking orange.'],
          details: ['Resetting the hub to factory settings did not help either.'],
        },
        {
          subjects: ['Hub not connecting to Wi-Fi', 'Setup fails at Wi-Fi step', 'Cannot add {product} to my home'],
          openings: ['I cannot add the {product} to my home: setup fails at the Wi-Fi step every time.', 'The hub does not connect to my Wi-Fi, the app says the network was not found.'],
          details: ['The router is right next to the hub.'],
        },
        {
          subjects: ['Automations not triggering', 'Schedules not running'],
          openings: ['Scheduled automations have not been running since the weekend.', 'None of my scenes trigger at the scheduled time anymore.'],
        },
        {
          subjects: ['Dashboard very slow', 'Web dashboard times out'],
          openings: ['The web dashboard is extremely slow in {browser} and times out with {error}.'],
        },
      ],
      details: [
        'I already restarted the router and the device and reinstalled the app.',
        'We have {n} devices at the office and all of them are affected.',
        'This worked fine until last week and we did not change anything.',
      ],
      asks: [
        'Can you help me get it working again?',
        'Is there a known issue, and is a fix planned?',
        'Please advise on how to troubleshoot this further.',
        'Could someone from technical support look at our account?',
        'What should I try next?',
      ],
      followups: ['Tried the steps you suggested, still the same problem.', 'It worked for a day and now it is offline again.', 'Here are the logs from the app, the same error shows up repeatedly.'],
      asides: ['By the way, the app has also been crashing now and then.', 'Separately, my camera went offline twice this week.'],
    },
    account_access: {
      scenarios: [
        {
          subjects: ['Cannot log in to my account', 'Password not accepted', 'Login fails after password reset'],
          openings: ['I cannot log in to my Lumora account: it says my password is wrong even after a reset.'],
        },
        {
          subjects: ['Password reset email not arriving', 'No reset link received'],
          openings: ['The password reset email never arrives, I checked spam and promotions.', 'I requested a reset link {n} times and none of the emails arrived.'],
          asks: ['Please send a new reset link.'],
        },
        {
          subjects: ['Locked out after too many attempts', 'Account locked', 'Unlock link expired'],
          openings: ['My account was locked after too many login attempts and the unlock link has expired.'],
          asks: ['Please unlock my account.'],
        },
        {
          subjects: ['Lost phone with 2FA codes', 'Two-factor authentication problem', 'Cannot get past 2FA'],
          openings: ['I lost my phone with the authenticator app and cannot get past the two-factor step.', 'My 2FA codes are rejected even though the time on my phone is correct.'],
          details: ['My recovery codes were in the notes app on the lost phone.'],
          asks: ['How can I verify my identity to reset the two-factor authentication?'],
        },
        {
          subjects: ['Login loop on the website', 'Website keeps sending me back to login'],
          openings: ['When I sign in on the website it sends me back to the login page in a loop.'],
          details: ['I tried {browser} and the mobile app, same result.'],
        },
        {
          subjects: ['Need to change the email on my account', 'No access to my old email address'],
          openings: ['I no longer have access to the email address on my account and need to change it.'],
          details: ['The account is under my old work email.'],
          asks: ['Could you update the login email for me?'],
        },
        {
          subjects: ['SSO login not working for our team', 'SSO error for all users'],
          openings: ['Our team cannot sign in with SSO since this morning, it shows {error}.'],
          details: ['Nothing has changed on our identity provider side.'],
        },
        {
          subjects: ['Account suspended?', 'Why is my account suspended'],
          openings: ['I get a message that my account has been suspended, but I do not know why.'],
        },
      ],
      details: ['I still have the hub and can prove ownership with the serial number.', 'I need to get in to see the camera recordings from last night.'],
      asks: ['Can you help me regain access?', 'Please help me get back into my account.'],
      followups: ['Still locked out, the new link also expired.', 'I can provide the serial number of the hub if that helps to verify me.', 'Thanks, I got in now.'],
      asides: ['Also, the password reset email took ages to arrive last time.'],
    },
    shipping: {
      scenarios: [
        {
          subjects: ['Where is my order {order}?', 'Order {order} not arrived', 'Delivery delayed'],
          openings: ['I ordered a {product} on {date} (order {order}) and it still has not arrived.', 'The estimated delivery date for order {order} has passed and there is no sign of the parcel.'],
          asks: ['When can I expect the delivery?'],
        },
        {
          subjects: ['Package marked delivered but not received', 'Parcel says delivered, nothing here'],
          openings: ['Tracking for order {order} says delivered, but there is no package at my door or with the neighbours.'],
          details: ['I was home all day and nobody rang the bell.'],
          asks: ['Please open an investigation with the carrier.'],
        },
        {
          subjects: ['Order {order} has not shipped', 'Order stuck in "preparing"'],
          openings: ['My order was supposed to ship within two days, but it has been {days} days and it still says "preparing".'],
        },
        {
          subjects: ['Wrong item delivered', 'Received the wrong product'],
          openings: ['I received a {product} but I ordered something else.'],
          asks: ['Please send the right item and a return label.'],
        },
        {
          subjects: ['Tracking not updating', 'No tracking updates for a week'],
          openings: ['The {carrier} tracking number {tracking} has not updated for a week.'],
          details: ['The tracking page shows the parcel in a depot in {city}.'],
        },
        {
          subjects: ['Change delivery address for order {order}', 'Update shipping address'],
          openings: ['I moved last week and need to change the shipping address for order {order}.'],
          asks: ['Could you update the delivery address before it ships?'],
        },
        {
          subjects: ['Damaged parcel', '{product} arrived broken'],
          openings: ['The box arrived crushed and the {product} inside has a cracked casing.'],
          details: ['I have photos of the damaged box.'],
          asks: ['Please send a replacement.'],
        },
        {
          subjects: ['Only part of my order arrived', 'Missing parcel from split delivery'],
          openings: ['The delivery was split into two parcels and only one of them arrived.'],
        },
      ],
      details: ['The carrier is {carrier}.', 'I need it before the weekend because it is a gift.', 'The order confirmation email shows the correct address.'],
      asks: ['Can you find out where the parcel is?', 'Please send a replacement or a refund.'],
      followups: ['The carrier says they do not know where it is either.', 'Still nothing arrived. Please send a replacement.', 'It just arrived, thanks!'],
      asides: ['Also, my other order has not shipped yet either.'],
    },
    bug_report: {
      scenarios: [
        {
          subjects: ['Crash when opening the history tab', 'App crashes in History'],
          openings: ['Steps to reproduce: open the app, go to History, pick yesterday; the app crashes every time on {os}.'],
          details: ['Crash log attached; it mentions a null pointer in HistoryViewController.'],
        },
        {
          subjects: ['Bug: schedule shows wrong time zone', 'Schedules one hour off after DST change'],
          openings: ['The schedule editor shows times one hour off since the daylight saving change.'],
        },
        {
          subjects: ['Bug in energy report export', 'CSV export has empty columns'],
          openings: ['Exporting the energy report to CSV produces empty columns for {n} of the devices.'],
        },
        {
          subjects: ['Notifications arrive twice', 'Duplicate push notifications'],
          openings: ['Every motion notification arrives twice on my phone, a few seconds apart.'],
          details: ['I can reproduce it on two different phones.'],
        },
        {
          subjects: ['API pagination returns duplicates', 'Bug: /v2/events cursor pagination'],
          openings: ['The API endpoint /v2/events returns the same events on page 2 and page 3 when paginating with a cursor.'],
          details: ['Expected: each event once. Actual: about 10% duplicates.'],
        },
        {
          subjects: ['Bug: scene editor deletes steps', 'Scene editor loses the last step'],
          openings: ['When I edit a scene and reorder the steps, the last step is silently deleted on save.'],
        },
        {
          subjects: ['Wrong temperature unit after update', 'Thermostat shows Fahrenheit'],
          openings: ['After updating to {version} the thermostat shows Fahrenheit even though Celsius is selected.'],
        },
        {
          subjects: ['Dashboard chart shows wrong data', 'Chart mixes up devices'],
          openings: ['The dashboard chart for last week shows values from the wrong device.'],
          details: ['Happens in {browser} and in the desktop app.'],
        },
      ],
      details: [
        'Reproducible 100% of the time.',
        'It started with version {version}.',
        'Workaround: restarting the app fixes it until the next sync.',
      ],
      asks: [
        'Please pass this on to the developers.',
        'Is this a known bug?',
        'Could you log this and tell me when a fix is planned?',
        'Let me know if you need more details to reproduce it.',
      ],
      followups: ['Still happening on the latest version.', 'I found another way to trigger it: it also happens with the widget.', 'Any news from the developers?'],
      asides: ['Also found a small bug: the history tab sometimes shows yesterday twice.'],
    },
    feature_request: {
      scenarios: [
        {
          subjects: ['Feature request: {feature}', 'Please add {feature}', 'Idea: {feature}', 'Would love to see {feature}'],
          openings: [
            'It would be great if the app supported {feature}.',
            'Our team would really benefit from {feature} in the dashboard.',
            'I love the product, one thing I am missing is {feature}.',
            'Are there any plans to add {feature}?',
          ],
        },
        {
          subjects: ['Request: better sharing options', 'Suggestion: family sharing'],
          openings: ['Suggestion: let us share access with family members without sharing the password.'],
        },
        {
          subjects: ['Suggestion for reporting', 'Export all events'],
          openings: ['We would like to be able to export all events as CSV for our own reporting.'],
        },
      ],
      details: [
        'Competing products already have this.',
        'Right now we work around it with a spreadsheet.',
        'This would save us a lot of time every week.',
        'Happy to test a beta version.',
        'Several people in the community forum asked for this too.',
      ],
      asks: ['Please consider it for the roadmap.', 'Can you pass this on to the product team?', 'Let me know if this is planned.', 'Would love to hear if this is on the roadmap.'],
      followups: ['Any news on this request?', 'Adding another use case: we would also use it for reporting.'],
      asides: ['And a small wish: {feature} would be really nice.'],
    },
    security: {
      scenarios: [
        {
          subjects: ['Suspicious login on my account', 'Login from unknown location', 'Was this login me?'],
          openings: ['I received an email saying there was a login from a device in {city} that was not me.'],
          details: ['The login history shows {n} sessions I do not recognise.', 'I have already changed my password.'],
          asks: ['Please sign out all sessions and tell me what happened.'],
        },
        {
          subjects: ['Phishing email pretending to be Lumora', 'Fake password reset email'],
          openings: ['I got a phishing email that looks exactly like your password reset email, with a link to a fake site.'],
          details: ['The sender address was support@lumora-helpdesk.example, which is not your domain.'],
        },
        {
          subjects: ['Unknown device added to my home', 'Camera shared with a stranger'],
          openings: ['There is a device in my home that I did not add, and a camera I own was shared with an unknown user.'],
          asks: ['Please remove the unknown device and secure my account.'],
        },
        {
          subjects: ['Possible account compromise', 'I think my account was hacked', 'Someone changed my account settings'],
          openings: ['I think my account was hacked: the email and the notification settings were changed overnight.'],
          details: ['Two-factor authentication was enabled.'],
        },
        {
          subjects: ['Security vulnerability report', 'Responsible disclosure: XSS in dashboard'],
          openings: ['I would like to report a security vulnerability in the web dashboard (stored XSS in the device name field).'],
          details: ['I can share a proof of concept privately.'],
          asks: ['Who should I send the full vulnerability details to?'],
        },
        {
          subjects: ['Leaked API key - please revoke', 'Credential exposed in public repo'],
          openings: ['One of our developers accidentally committed an API credential to a public repository.'],
          details: ['The repository was public for about two hours before we noticed.'],
          asks: ['Can you revoke the credential and check whether it was used?'],
        },
        {
          subjects: ['Smart lock unlocked at night', 'Unauthorized unlock'],
          openings: ['Someone used my account to unlock the smart lock at 3 am.'],
        },
      ],
      details: [],
      asks: ['Please investigate and let me know which data was accessed.', 'Please secure my account and tell me what happened.'],
      followups: ['Another login attempt just happened. Please hurry.', 'Did you find out whether the key was used?'],
      asides: ['Also, I got a strange login alert yesterday that I did not recognise.'],
    },
    cancellation: {
      scenarios: [
        {
          subjects: ['Cancel my subscription', 'Please cancel {plan} plan', 'Cancellation request'],
          openings: ['I would like to cancel my {plan} subscription effective at the end of this billing period.', 'Please cancel my {plan} plan.'],
          details: ['The price increase is the main reason.'],
        },
        {
          subjects: ['Close our account', 'Switching provider - cancel account'],
          openings: ['Please cancel our account, we are moving to a different provider.', 'We no longer use the devices and want to cancel the {plan} plan for all {n} sites.'],
          details: ['We have been customers for three years.'],
        },
        {
          subjects: ['Cancel button not working', 'Cannot cancel in the app'],
          openings: ['I tried to cancel in the app but the cancel button does nothing.'],
        },
        {
          subjects: ['Stop auto-renewal', 'Turn off automatic renewal'],
          openings: ['Please turn off auto-renewal; I do not want to be charged again on {date}.'],
        },
        {
          subjects: ['Moving abroad - close my account', 'Close my account'],
          openings: ['I am moving abroad and need to close my account.', 'I sold the hub and no longer need the service, please end my subscription.'],
        },
      ],
      details: ['I do not want any further charges after this month.'],
      asks: [
        'Please confirm the cancellation in writing.',
        'Can you confirm that no further payments will be taken?',
        'Let me know once it is done.',
        'Please cancel it and send me a confirmation.',
      ],
      followups: ['I have not received a confirmation yet.', 'Please confirm, I was charged again.'],
      asides: ['If this is not sorted soon I will cancel my subscription.'],
    },
    general_inquiry: {
      scenarios: [
        {
          subjects: ['Question about compatibility', 'Does it work with {integration}?'],
          openings: ['Does the {product} work with {integration}?'],
        },
        {
          subjects: ['Does it need a subscription?', 'Pre-sales question'],
          openings: ['I am thinking about buying the {product} and wanted to ask whether it works without a subscription.'],
        },
        {
          subjects: ['Business pricing', 'Volume discount?'],
          openings: ['Do you offer volume pricing for businesses with more than {n} locations?'],
          details: ['We are comparing a few vendors at the moment.'],
        },
        {
          subjects: ['Warranty question', 'How long is the warranty?'],
          openings: ['How long is the warranty on the {product}?'],
        },
        {
          subjects: ['Opening hours of support', 'Is there a phone line?'],
          openings: ['Is there a phone line I can call, or is email the only way to reach support?'],
        },
        {
          subjects: ['Installation question', 'General question'],
          openings: ['Can I use the {product} in a rented flat without drilling?', 'Do you ship to {city}, and how long does delivery take?'],
        },
      ],
      details: ['I could not find this on your website.', 'Just want to be sure before ordering.'],
      asks: ['Thanks for the info.', 'Looking forward to your answer.', 'Could you let me know?'],
      followups: ['Thanks, that answers my question.', 'One more question: does it also work outdoors?'],
    },
    data_privacy: {
      scenarios: [
        {
          subjects: ['GDPR data access request', 'Request for a copy of my data', 'Subject access request'],
          openings: ['Under Article 15 GDPR I request a copy of all personal data you hold about me.'],
          details: ['Please include the data processed by your subprocessors.', 'I understand you have one month to respond.'],
          asks: ['Please send the data to the email address on file.'],
        },
        {
          subjects: ['Delete my personal data', 'Right to erasure', 'Account and data deletion'],
          openings: ['Please delete my account and all personal data associated with it.', 'I am exercising my right to erasure under Article 17 GDPR.'],
          details: ['This includes any backups.'],
          asks: ['Please confirm once the deletion is complete.'],
        },
        {
          subjects: ['Privacy question about camera recordings', 'Who can see my recordings?'],
          openings: ['I would like to know how long you keep the camera recordings and who can access them.'],
        },
        {
          subjects: ['Data export request', 'Export of all my data'],
          openings: ['I request an export of all my data, including recordings and device history, in a machine-readable format.'],
        },
        {
          subjects: ['Withdraw consent for analytics', 'Opt out of data sharing'],
          openings: ['I want to withdraw my consent for marketing and for the usage analytics.', 'Please tell me which third parties you share my personal data with.'],
        },
      ],
      details: ['The account is registered under this email address.'],
      asks: ['Please confirm receipt of this request.'],
      followups: ['It has been three weeks, please confirm the status of my request.'],
    },
  },
};
