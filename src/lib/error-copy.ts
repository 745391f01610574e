import type { ClientError, ClientErrorCode } from './cloud'

/** Error code → what a person reads. The server's `message` is for developers and logs, never shown as is. */
const COPY: Record<ClientErrorCode, string> = {
  'INPUT.INVALID': '填写的内容有误，请检查后再试',
  'ACTION.UNKNOWN': '暂不支持这个操作，请更新小程序后再试',
  'AUTH.NO_OPENID': '未能确认你的身份，请重新进入小程序',
  'AUTH.FORBIDDEN': '无权限：只有本社区工作人员可以进行此操作',
  'CONTENT.RISKY': '内容未通过安全检查，请修改后再提交',
  'CONTENT.REVIEW': '内容需要人工审核，审核通过后才会显示',
  'CONTENT.CHECK_UNAVAILABLE': '内容安全检查暂时不可用，请稍后再试',
  'COMMUNITY.NOT_FOUND': '没有找到这个社区，请确认社区码是否正确',
  'MEMBER.NOT_FOUND': '你还不是这个社区的成员，请先扫社区码加入',
  'CHILD.AGE_OUT_OF_RANGE': '孩子的出生年份不在可登记的范围内',
  'CHILD.LIMIT_REACHED': '登记的孩子数量已达上限',
  'NOTICE.NOT_FOUND': '这条通知不存在或已撤回',
  'NOTICE.INVALID_STATE': '通知当前的状态不能进行这个操作，请刷新后再试',
  'NOTICE.INVALID_SCHEDULE': '发布时间或到期时间不正确：到期时间须晚于发布时间',
  'PROPOSAL.NOT_FOUND': '这条建议不存在，或暂时不能查看',
  'PROPOSAL.INVALID_STATE': '建议当前的状态不能进行这个操作，请刷新后再试',
  'PROPOSAL.CATEGORY_UNKNOWN': '请从本社区的分类中选择一个',
  'PROPOSAL.SUPPORT_CLOSED': '这条建议已不在附议期内',
  'PROPOSAL.HAS_SUPPORTERS': '已有邻居附议，不能撤回；可以留言补充说明',
  'PROPOSAL.OWN': '不能附议或举报自己的建议',
  'COMMENT.NOT_FOUND': '这条留言不存在或已被隐藏',
  'PROJECT.NOT_FOUND': '这个项目不存在',
  'PROJECT.INVALID_STATE': '项目当前的状态不能进行这个操作，请刷新后再试',
  'INBOX.NOT_FOUND': '这条消息不存在',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不太好，请检查网络后重试',
}

export function errorCopy(error: Pick<ClientError, 'code'> | ClientErrorCode): string {
  const code = typeof error === 'string' ? error : error.code
  return COPY[code] ?? COPY.INTERNAL
}
